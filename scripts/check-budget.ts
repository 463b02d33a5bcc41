// Fails when the first screen's JavaScript grows past its budget (quality.md: 60 kB gzip).
import { firstScreenJs } from './first-screen.ts';

const BUDGET_KB = 60;
const { firstFiles, firstKB, allKB } = firstScreenJs(process.env.KARIOLE_DIST ?? 'dist');
console.log(`First-screen JS: ${firstKB.toFixed(1)} kB gzip (budget ${BUDGET_KB} kB) in ${firstFiles.length} file(s); whole app JS: ${allKB.toFixed(1)} kB gzip.`);
if (firstKB > BUDGET_KB) {
  console.error(`Over budget by ${(firstKB - BUDGET_KB).toFixed(1)} kB: ${firstFiles.join(', ')}`);
  process.exit(1);
}
