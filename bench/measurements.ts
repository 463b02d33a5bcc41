// Every measurement of the bench, in the order they are printed (heavy ones run last).
import type { Measurement } from './lib/context.ts';
import { firstScreen } from './app/first-screen.ts';
import { ingest } from './hub/ingest.ts';
import { stats } from './hub/stats.ts';
import { coopApi } from './hub/coop-api.ts';
import { push } from './app/push.ts';
import { load } from './hub/load.ts';
import { lighthouseScore } from './app/lighthouse.ts';
import { coldStart } from './app/cold-start.ts';
import { venues } from './app/venues.ts';
import { sessionTaps } from './app/session-taps.ts';
import { venueImportNational } from './hub/venue-import-national.ts';

export const MEASUREMENTS: Measurement[] = [firstScreen, lighthouseScore, coldStart, sessionTaps, venues, venueImportNational, push, ingest, stats, coopApi, load];
