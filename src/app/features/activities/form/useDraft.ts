import { useEffect, useRef, useState } from 'preact/hooks';
import { deleteDraft, saveDraft } from '../../../db/activities.ts';
import { registerFlush } from '../../../shell/unsaved.ts';
import { isQuotaError } from '../../../shell/storage.ts';
import type { FormState } from '../lib/form-state.ts';

/**
 * The form's state, written to IndexedDB on every change (in order), so that a reload, a
 * closed tab, a crash or an app update finds it again. `close()` waits for the last write and
 * stops writing (before the record itself is saved, which removes the draft).
 */
export function useDraft(draftId: string, activityId?: string) {
  const [state, setStateRaw] = useState<FormState>();
  const current = useRef<FormState>();
  const setState = (s: FormState) => {
    current.current = s;
    setStateRaw(s);
  };
  const [storageFull, setStorageFull] = useState(false);
  const writes = useRef<Promise<void>>(Promise.resolve());
  const closed = useRef(false);

  useEffect(() => registerFlush(() => writes.current), []);

  function persist(next: FormState) {
    if (closed.current) return;
    writes.current = writes.current
      .then(() => saveDraft(draftId, next, { activityId }))
      .then(
        () => setStorageFull(false),
        (e: unknown) => setStorageFull(isQuotaError(e)),
      );
  }

  return {
    state,
    storageFull,
    /** sets the state without writing it (what was loaded) */
    load(s: FormState) {
      setState(s);
    },
    /** applies a change and writes the draft */
    update(op: (s: FormState) => FormState) {
      const prev = current.current;
      if (!prev) return;
      const next = op(prev);
      if (next === prev) return;
      setState(next);
      persist(next);
    },
    /** replaces the state and writes it (a duplicate, an orientation hand-off) */
    replace(s: FormState) {
      setState(s);
      persist(s);
    },
    async close(): Promise<void> {
      closed.current = true;
      await writes.current;
    },
    reopen() {
      closed.current = false;
    },
    async discard(): Promise<void> {
      closed.current = true;
      await writes.current;
      await deleteDraft(draftId);
    },
  };
}
