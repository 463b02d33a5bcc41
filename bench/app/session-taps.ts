// Taps of a typical individual session, as the activity feature's e2e test defines it: from
// the home screen to "saved", offline, on a tablet holding its structure's settings
// (national labels, 30 min, the usual place, "Aide aux démarches administratives" + one
// administrative theme, an e-administration site, autonomy; beneficiary left "non
// communiqué"). Every interaction goes through the tap counter; nothing is typed. The saved
// record is checked, so a shortcut that records something else cannot pass.
import { choice, givenStructureSettings, TapCounter } from '../../tests/e2e/activities-device.ts';
import { launchDevice, serveHub, waitForServiceWorker } from '../lib/browser.ts';
import type { BenchContext, Measurement } from '../lib/context.ts';
import { median } from '../lib/stats.ts';

/** The national CRA form's required choices for an individual session: type, date, durée, lieu, thématique. */
const NATIONAL_REQUIRED_FIELDS = 5;

// A string, evaluated in the page: tsx would wrap named functions in helpers the page lacks.
const READ_RECORDS = `new Promise((resolve, reject) => {
  const req = indexedDB.open('kariole');
  req.onerror = () => reject(req.error);
  req.onsuccess = () => {
    const r = req.result.transaction('activities').objectStore('activities').getAll();
    r.onsuccess = () => { req.result.close(); resolve(r.result); };
    r.onerror = () => reject(r.error);
  };
})`;

interface SavedRecord {
  type: string;
  durationMin: number;
  place: { kind: string; venueId?: string };
  themes: string[];
  adminThemes: string[];
  portalLinkIds: string[];
  autonomy?: string;
  beneficiaries: { total: number; genre: Record<string, number> };
}

async function oneRun(ctx: BenchContext): Promise<number> {
  const hub = await serveHub({ dist: ctx.dist, seed: false });
  const device = await launchDevice();
  try {
    const page = await device.context.newPage();
    await page.goto(`${hub.url}/accompagnements`);
    await waitForServiceWorker(page);
    await page.locator('[data-testid="new-activity"]').waitFor();
    await givenStructureSettings(page);
    await device.context.setOffline(true);
    await hub.stop();

    await page.goto(`${hub.url}/`);
    const taps = new TapCounter();
    await taps.tap(page.locator('[data-testid="home-newActivity"]'));
    await choice(page, 'Enregistrer').waitFor();
    await taps.tap(choice(page, 'Aide aux démarches administratives'));
    await taps.tap(choice(page, 'ameli'));
    await taps.tap(choice(page, 'Autonome'));
    await taps.tap(choice(page, 'Enregistrer'));
    await page.locator('[data-testid="saved-notice"]').waitFor();

    const rows = (await page.evaluate(READ_RECORDS)) as SavedRecord[];
    const r = rows.find((x) => x.portalLinkIds?.includes('ameli'));
    const problems = [
      !r && 'no record was saved',
      r && r.type !== 'individuel' && `type ${r.type}`,
      r && r.durationMin !== 30 && `duration ${r.durationMin}`,
      r && (r.place.kind !== 'lieu_activite' || !r.place.venueId) && `place ${JSON.stringify(r.place)}`,
      r && !r.themes.includes('aide_aux_demarches_administratives') && `themes ${r.themes}`,
      r && r.adminThemes.length !== 1 && `admin themes ${r.adminThemes}`,
      r && r.autonomy !== 'autonome' && `autonomy ${r.autonomy}`,
      r && (r.beneficiaries.total !== 1 || Object.keys(r.beneficiaries.genre).length > 0) && `beneficiary ${JSON.stringify(r.beneficiaries)}`,
    ].filter(Boolean);
    if (problems.length) throw new Error(`the typical session was not recorded as expected: ${problems.join('; ')}`);
    return taps.count;
  } finally {
    await device.close();
    await hub.destroy();
  }
}

export const sessionTaps: Measurement = {
  name: 'session-taps',
  keys: ['sessionTaps'],
  async run(ctx: BenchContext) {
    // A count, not a timing: one run is the figure; a second checks it does not vary.
    const runs = [await oneRun(ctx), await oneRun(ctx)];
    ctx.log(`taps: ${runs.join(', ')} (no typing)`);
    return {
      figures: { sessionTaps: median(runs) },
      details: { runs, nationalRequiredFields: NATIONAL_REQUIRED_FIELDS, typing: 0 },
      notes: ['home → "Nouvel accompagnement" → "Aide aux démarches administratives" → "ameli" (fills its démarche) → "Autonome" → "Enregistrer"; individual, today, 30 min and the usual place preselected'],
    };
  },
};
