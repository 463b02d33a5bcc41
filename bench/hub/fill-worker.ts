// Worker thread of the bulk fill: generates the records and computes their rows (hash, JSON)
// while the main thread writes the previous chunk. At most two chunks ahead.
import { parentPort, workerData } from 'node:worker_threads';
import { iterateActivities, type ActivityGenOptions } from '../generators/activities.ts';
import { activityRow, type Value } from './bulk-fill.ts';

const { count, seed, opts, size } = workerData as { count: number; seed: number | string; opts: ActivityGenOptions; size: number };
const port = parentPort!;
let ahead = 0;
let resume: (() => void) | undefined;
port.on('message', () => {
  ahead--;
  resume?.();
});

const now = new Date().toISOString();
let rows: Value[][] = [];
let n = 0;
for (const a of iterateActivities(count, seed, opts)) {
  rows.push(activityRow(a, now));
  if (++n % size === 0 || n === count) {
    port.postMessage({ rows });
    rows = [];
    ahead++;
    while (ahead >= 2) await new Promise<void>((r) => (resume = r));
  }
}
port.postMessage({ done: true });
