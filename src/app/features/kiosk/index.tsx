import { kioskLocked } from './lock.ts';
import { KioskScreen } from './KioskScreen.tsx';
import { KioskSetup } from './KioskSetup.tsx';
import '../portal/portal.css';
import './kiosk.css';

/** Entry of the kiosk: the locked kiosk itself, or (for the mediator) the screen that starts it. */
export default function Kiosk() {
  return kioskLocked.value ? <KioskScreen /> : <KioskSetup />;
}
