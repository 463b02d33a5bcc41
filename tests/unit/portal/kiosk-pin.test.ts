// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/app/db/index.ts';
import { saveDeviceSettings } from '../../../src/app/db/settings.ts';
import { checkExitPin, chooseLocalPin, pinWaitSeconds, structurePinIsSet } from '../../../src/app/features/kiosk/lib/pin.ts';
import { kioskPinHash } from '../../../src/shared/portal/pin.ts';
import type { DeviceSettings } from '../../../src/shared/protocol/settings.ts';

const settings = (pinHash: string | null): DeviceSettings => ({
  structure: { id: 's1', name: 'Centre social' },
  placesOfActivity: [],
  tags: [],
  kioskIdleSeconds: 120,
  kioskPinHash: pinHash,
  languages: ['fr', 'ar'],
  communes: [],
});

describe('leaving the kiosk with the PIN', () => {
  beforeEach(async () => {
    await db.kv.clear();
    localStorage.clear();
  });

  it('cannot be left while no PIN exists at all', async () => {
    expect(await checkExitPin('1234')).toBe('unset');
  });

  it('uses the PIN chosen on the device before enrolment', async () => {
    await chooseLocalPin('2468');
    expect(await structurePinIsSet()).toBe(false);
    expect(await checkExitPin('1357')).toBe('wrong');
    expect(await checkExitPin('2468')).toBe('ok');
  });

  it('uses the structure’s PIN once the settings have come, over a device one', async () => {
    await chooseLocalPin('2468');
    await saveDeviceSettings(settings(kioskPinHash('975310')));
    expect(await structurePinIsSet()).toBe(true);
    expect(await checkExitPin('2468')).toBe('wrong');
    expect(await checkExitPin('975310')).toBe('ok');
  });

  it('makes the visitor wait after five wrong PINs, even the right one, and longer each time', async () => {
    await chooseLocalPin('2468');
    const t0 = Date.parse('2026-11-23T10:00:00Z');
    for (let i = 0; i < 5; i++) expect(await checkExitPin('0000', t0)).toBe('wrong');
    expect(await checkExitPin('2468', t0 + 1000)).toBe('wait');
    expect(pinWaitSeconds(t0 + 1000)).toBe(29);
    expect(await checkExitPin('0000', t0 + 31_000)).toBe('wrong');
    expect(pinWaitSeconds(t0 + 31_000)).toBe(60);
    expect(await checkExitPin('2468', t0 + 92_000)).toBe('ok');
    expect(pinWaitSeconds(t0 + 92_000)).toBe(0);
  });
});
