// Entry of the fill worker: registers tsx in the worker thread, then loads the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./fill-worker.ts');
