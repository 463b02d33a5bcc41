// Features with pending writes (a draft being typed) register a flush here, so that an
// app update or a language reload waits for them instead of reloading over unsaved input.
const flushers = new Set<() => Promise<void>>();

/** Registers a function that writes pending input to storage; returns the unregister function. */
export function registerFlush(flush: () => Promise<void>): () => void {
  flushers.add(flush);
  return () => flushers.delete(flush);
}

/** Writes every pending input; call before any reload. */
export async function flushAll(): Promise<void> {
  await Promise.all([...flushers].map((f) => f().catch(() => undefined)));
}
