// Builds the app when dist/ is missing or older than its sources, so `npm start` works
// right after cloning and never serves a stale app.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const dist = process.env.KARIOLE_DIST ?? 'dist';
const builtAt = existsSync(join(dist, 'index.html')) ? statSync(join(dist, 'index.html')).mtimeMs : 0;

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = s.mtimeMs;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

const sources = ['src/app', 'src/shared', 'public', 'index.html', 'manifest.webmanifest', 'vite.config.ts'].filter((p) => existsSync(p));
const stale = builtAt === 0 || sources.some((p) => newest(p) > builtAt);
if (stale) {
  console.log(builtAt === 0 ? 'Building the app (first start)…' : 'Sources changed since the last build: rebuilding the app…');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error('The app could not be built; see the messages above.');
    process.exit(r.status ?? 1);
  }
}
