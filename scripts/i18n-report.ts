// Prints each language's completeness, namespace by namespace, against the French source.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve('src/app/i18n/locales');

function leafKeys(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object') return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

function readJson(file: string): unknown {
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
}

const namespaces = fs.readdirSync(path.join(root, 'fr')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
const languages = fs.readdirSync(root).filter((d) => d !== 'fr' && fs.statSync(path.join(root, d)).isDirectory()).sort();

const rows: string[][] = [['namespace', 'fr keys', ...languages]];
const totals = Object.fromEntries(languages.map((l) => [l, 0]));
let frTotal = 0;
for (const ns of namespaces) {
  const fr = leafKeys(readJson(path.join(root, 'fr', `${ns}.json`))).filter(Boolean);
  frTotal += fr.length;
  const cells = languages.map((lang) => {
    const have = new Set(leafKeys(readJson(path.join(root, lang, `${ns}.json`))));
    const n = fr.filter((k) => have.has(k)).length;
    totals[lang]! += n;
    return fr.length ? `${Math.round((100 * n) / fr.length)} %` : '—';
  });
  rows.push([ns, String(fr.length), ...cells]);
}
rows.push(['all', String(frTotal), ...languages.map((l) => (frTotal ? `${Math.round((100 * totals[l]!) / frTotal)} %` : '—'))]);

const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
console.log('\nMissing keys fall back to French. Kiosk-only languages (es, pt, tr, uk) translate the kiosk and portal namespaces.');
