import path from 'node:path';
import { spawnSync } from 'node:child_process';

/**
 * The app built with its test-only hooks (KARIOLE_TEST_HOOKS=1: src/app/test-hooks.ts puts the
 * app's own db functions on `window.__karioleTestHooks`) into .e2e/dist-test-hooks, rebuilt
 * when its sources are newer (scripts/ensure-build.mjs). The ordinary build (dist/) has no hooks.
 */
export function distWithTestHooks(): string {
  const dist = path.resolve('.e2e', 'dist-test-hooks');
  const r = spawnSync(process.execPath, ['scripts/ensure-build.mjs'], { stdio: 'inherit', env: { ...process.env, KARIOLE_DIST: dist, KARIOLE_TEST_HOOKS: '1' } });
  if (r.status !== 0) throw new Error('the app with its test hooks could not be built');
  return dist;
}
