// Test-only: present in a build made with KARIOLE_TEST_HOOKS=1 (tests/helpers/test-hooks-build.ts),
// absent from every other build (main.tsx imports it behind a compile-time constant, so the
// chunk is not even emitted). The e2e chaos test creates, edits and deletes records through
// the app's own db module — the same transactions, revision rule and outbox as the form —
// instead of writing IndexedDB itself.
import { deleteActivity, getActivity, saveActivity } from './db/activities.ts';

export interface KarioleTestHooks {
  saveActivity: typeof saveActivity;
  deleteActivity: typeof deleteActivity;
  getActivity: typeof getActivity;
}

export function installTestHooks(): void {
  (window as unknown as { __karioleTestHooks: KarioleTestHooks }).__karioleTestHooks = { saveActivity, deleteActivity, getActivity };
}
