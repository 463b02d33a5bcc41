// Group commit: jobs arriving while a transaction runs wait for the next one and share it
// (a herd of 500 devices becomes a few transactions instead of 500 commits on one writer);
// each job is answered when the transaction holding it has committed. A group that cannot
// commit is replayed job by job (`alone`), so one bad job never fails the others, and nothing
// is stored twice (the group rolled back as a whole).

export interface GroupCommitOps<J, O> {
  /** at most this much work (summed `size`) per group; a group always takes at least one job */
  maxSize: number;
  size(job: J): number;
  /** commits the jobs in one transaction, one outcome per job in order; throws when it cannot */
  commit(jobs: J[]): Promise<O[]>;
  /** an error of the hub itself (connection, disk): every job of the group fails with it */
  isFatal(error: unknown): boolean;
  /** one job on its own after its group failed; `groupError` is given when it was alone in it */
  alone(job: J, groupError: unknown): Promise<O>;
}

interface Waiting<J, O> {
  job: J;
  resolve(outcome: O): void;
  reject(error: unknown): void;
}

export class GroupCommit<J, O> {
  private readonly queue: Waiting<J, O>[] = [];
  private running = false;
  /** groups committed and jobs they held (tests and the bench read them) */
  readonly counters = { groups: 0, jobs: 0 };

  constructor(private readonly ops: GroupCommitOps<J, O>) {}

  submit(job: J): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      if (!this.running) {
        this.running = true;
        // One turn of the event loop: jobs already received join the first group.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length) {
        const group: Waiting<J, O>[] = [];
        let size = 0;
        while (this.queue.length && (group.length === 0 || size + this.ops.size(this.queue[0]!.job) <= this.ops.maxSize)) {
          const next = this.queue.shift()!;
          group.push(next);
          size += this.ops.size(next.job);
        }
        await this.commit(group);
        // The event loop gets a turn between groups (SQLite's driver is synchronous).
        if (this.queue.length) await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } finally {
      this.running = false;
    }
  }

  private async commit(group: Waiting<J, O>[]): Promise<void> {
    this.counters.groups++;
    this.counters.jobs += group.length;
    let outcomes: O[];
    try {
      outcomes = await this.ops.commit(group.map((w) => w.job));
    } catch (groupError) {
      if (this.ops.isFatal(groupError)) {
        for (const w of group) w.reject(groupError);
        return;
      }
      for (const w of group) {
        try {
          w.resolve(await this.ops.alone(w.job, group.length === 1 ? groupError : undefined));
        } catch (e) {
          w.reject(e);
        }
      }
      return;
    }
    group.forEach((w, k) => w.resolve(outcomes[k]!));
  }
}
