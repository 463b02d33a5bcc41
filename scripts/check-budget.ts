// Fails when the first screen's JavaScript, as the browser loads it, grows past its budget:
// the home screen of the built app (KARIOLE_DIST or dist/) opened in Chromium on a first visit,
// every script received before it is interactive, gzipped (issue 17: 30 kB).
import { measureFirstScreenJs } from './first-screen.ts';

const BUDGET_KB = 30;
const r = await measureFirstScreenJs(process.env.KARIOLE_DIST ?? 'dist');
const list = (xs: typeof r.before) => xs.map((l) => `${l.file} ${(l.gzipBytes / 1024).toFixed(1)} kB`).join(', ');
console.log(`First-screen JS as loaded: ${r.firstKB.toFixed(1)} kB gzip (budget ${BUDGET_KB} kB), interactive at ${r.interactiveAtMs} ms: ${list(r.before)}`);
console.log(`Loaded after, at idle: ${list(r.after) || 'nothing'}; whole app JS: ${r.allKB.toFixed(1)} kB gzip.`);
if (r.firstKB > BUDGET_KB) {
  console.error(`Over budget by ${(r.firstKB - BUDGET_KB).toFixed(1)} kB.`);
  process.exit(1);
}
