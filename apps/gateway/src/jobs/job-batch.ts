/** Options of {@link createJobBatch}. */
export interface JobBatchOptions<Job> {
  /** How long the first job of a batch waits for others. */
  readonly windowMs: number;
  /** A batch this large goes at once. */
  readonly maxSize: number;
  /** Stores one batch (one statement). */
  readonly insert: (jobs: Job[]) => Promise<void>;
}

/** Jobs gathered into batches, each stored by one statement. */
export interface JobBatch<Job> {
  /** Adds a job; resolves once its batch is stored, rejects if storing it failed. */
  add(job: Job): Promise<void>;
  /** Stores what is gathered now (at shutdown). */
  flush(): Promise<void>;
}

/**
 * Gathers jobs queued within `windowMs` of each other into one insert: under load every
 * accepted intercept queues its reconciliation, and one statement per job was a visible
 * share of the database's work per intercept (docs/benchmarks.md).
 */
export function createJobBatch<Job>(options: JobBatchOptions<Job>): JobBatch<Job> {
  let jobs: Job[] = [];
  let waiting: { resolve(): void; reject(error: unknown): void }[] = [];
  let timer: NodeJS.Timeout | undefined;

  const flush = async (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    const batch = jobs;
    const settle = waiting;
    jobs = [];
    waiting = [];
    if (batch.length === 0) {
      return;
    }
    try {
      await options.insert(batch);
      for (const one of settle) {
        one.resolve();
      }
    } catch (error) {
      for (const one of settle) {
        one.reject(error);
      }
    }
  };

  return {
    add(job) {
      return new Promise<void>((resolve, reject) => {
        jobs.push(job);
        waiting.push({ resolve, reject });
        if (jobs.length >= options.maxSize) {
          void flush();
        } else {
          timer ??= setTimeout(() => void flush(), options.windowMs);
        }
      });
    },
    flush,
  };
}
