// Taps of the two usual records, as tests/e2e/tap-flows.ts defines them: from the home screen
// to "saved", offline, on a tablet holding its structure's settings. (1) The usual individual
// session, démarche included (30 min, the usual place, "Aide aux démarches administratives" +
// its category + ameli through the frequent démarches, autonomy; beneficiary "non
// communiqué"), nothing typed. (2) An 8-person workshop with its genre breakdown, the counts
// typed as numbers; and the same workshop copied from the last one of its title. The saved
// records are checked, so a shortcut that records something else cannot pass.
import { givenStructureSettings, TapCounter } from '../../tests/e2e/activities-device.ts';
import { copiedWorkshop, eightPersonWorkshop, usualSession, WORKSHOP_TITLE } from '../../tests/e2e/tap-flows.ts';
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
  createdAt: string;
  durationMin: number;
  place: { kind: string; venueId?: string };
  themes: string[];
  adminThemes: string[];
  portalLinkIds: string[];
  autonomy?: string;
  workshop?: { title: string; level: string };
  beneficiaries: { total: number; alreadyAccompanied: number; genre: Record<string, number> };
}

function check(what: string, problems: (string | false | undefined)[]): void {
  const found = problems.filter(Boolean);
  if (found.length) throw new Error(`${what} was not recorded as expected: ${found.join('; ')}`);
}

async function oneRun(ctx: BenchContext): Promise<{ session: number; workshop: number; copied: number }> {
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
    const session = new TapCounter();
    await usualSession(page, session);
    let rows = (await page.evaluate(READ_RECORDS)) as SavedRecord[];
    const r = rows.find((x) => x.portalLinkIds?.includes('ameli'));
    check('the usual session', [
      !r && 'no record was saved',
      r && r.type !== 'individuel' && `type ${r.type}`,
      r && r.durationMin !== 30 && `duration ${r.durationMin}`,
      r && (r.place.kind !== 'lieu_activite' || !r.place.venueId) && `place ${JSON.stringify(r.place)}`,
      r && !r.themes.includes('aide_aux_demarches_administratives') && `themes ${r.themes}`,
      r && r.adminThemes.length !== 1 && `admin themes ${r.adminThemes}`,
      r && r.autonomy !== 'autonome' && `autonomy ${r.autonomy}`,
      r && (r.beneficiaries.total !== 1 || Object.keys(r.beneficiaries.genre).length > 0) && `beneficiary ${JSON.stringify(r.beneficiaries)}`,
    ]);

    await page.goto(`${hub.url}/`);
    const workshop = new TapCounter();
    await eightPersonWorkshop(page, workshop);
    await page.goto(`${hub.url}/`);
    const copied = new TapCounter();
    await copiedWorkshop(page, copied);
    rows = (await page.evaluate(READ_RECORDS)) as SavedRecord[];
    const workshops = rows.filter((x) => x.type === 'collectif').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    for (const w of workshops) {
      check('the 8-person workshop', [
        w.workshop?.title !== WORKSHOP_TITLE && `title ${w.workshop?.title}`,
        w.workshop?.level !== 'debutant' && `level ${w.workshop?.level}`,
        w.durationMin !== 120 && `duration ${w.durationMin}`,
        w.beneficiaries.total !== 8 && `total ${w.beneficiaries.total}`,
        w.beneficiaries.alreadyAccompanied !== 2 && `already ${w.beneficiaries.alreadyAccompanied}`,
        JSON.stringify(w.beneficiaries.genre) !== JSON.stringify({ feminin: 5, masculin: 3 }) && `genre ${JSON.stringify(w.beneficiaries.genre)}`,
        w.themes.length !== 1 && `themes ${w.themes}`,
      ]);
    }
    if (workshops.length !== 2) throw new Error(`${workshops.length} workshops saved, 2 expected`);
    return { session: session.count, workshop: workshop.count, copied: copied.count };
  } finally {
    await device.close();
    await hub.destroy();
  }
}

export const sessionTaps: Measurement = {
  name: 'session-taps',
  keys: ['sessionTaps', 'workshopTaps'],
  async run(ctx: BenchContext) {
    // Counts, not timings: one run is the figure; a second checks it does not vary.
    const runs = [await oneRun(ctx), await oneRun(ctx)];
    ctx.log(`individual session taps: ${runs.map((r) => r.session).join(', ')} (no typing)`);
    ctx.log(`8-person workshop taps: ${runs.map((r) => r.workshop).join(', ')} (counts typed); copied from the last one: ${runs.map((r) => r.copied).join(', ')}`);
    return {
      figures: { sessionTaps: median(runs.map((r) => r.session)), workshopTaps: median(runs.map((r) => r.workshop)) },
      details: { runs, nationalRequiredFields: NATIONAL_REQUIRED_FIELDS, typing: 0, workshopCopiedTaps: median(runs.map((r) => r.copied)) },
      notes: [
        'individual: home → "Nouvel accompagnement" → "ameli" among the frequent démarches (theme, category and site) → "Autonome" → "Enregistrer"; individual, today, 30 min and the usual place preselected',
        'workshop: home → "Nouvel accompagnement" → "Atelier collectif" → title → "Débutant" → 8 → 2 already accompanied → breakdown → 5 women → 3 men → "E-mail" → "2 h" → "Enregistrer" (a typed number costs one tap)',
      ],
    };
  },
};
