import { Worker } from 'node:worker_threads';
import type {
  PgliteErrorFields,
  PgliteRequest,
  PgliteResponse,
  PgliteRows,
  PgliteWorkerData,
} from './protocol.ts';

/** A request without its id, which the client assigns. */
type Request = PgliteRequest extends infer Message
  ? Message extends { readonly id: number }
    ? Omit<Message, 'id'>
    : never
  : never;

/** An error PGlite raised in the worker, with PostgreSQL's fields (`code`: SQLSTATE). */
export class PgliteError extends Error {
  readonly code: string | undefined;
  readonly detail: string | undefined;
  readonly constraint: string | undefined;

  constructor(fields: PgliteErrorFields) {
    super(fields.message);
    this.name = 'PgliteError';
    this.code = fields.code;
    this.detail = fields.detail;
    this.constraint = fields.constraint;
  }
}

/**
 * The worker running PGlite is gone (it crashed, exited, or the database was closed):
 * no statement can run any more. The gateway answers 503 `database-unavailable`.
 */
export class PgliteUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PgliteUnavailableError';
  }
}

/** The embedded PGlite, running in a worker thread, as the gateway and pg-boss call it. */
export interface PgliteThread {
  /** One statement, with parameters; inside transaction `tx` when given. */
  query(text: string, params?: readonly unknown[], tx?: number): Promise<PgliteRows>;
  /** Statements without parameters, one result each; inside transaction `tx` when given. */
  exec(text: string, tx?: number): Promise<PgliteRows[]>;
  /** Starts a transaction; every statement of it passes its id. */
  begin(): Promise<number>;
  /** Commits (or rolls back) a transaction. */
  end(tx: number, commit: boolean): Promise<void>;
  /** Calls `onNotice` with each notice on `channel`; resolves with the function that stops. */
  listen(channel: string, onNotice: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * Starts PGlite on `dataDir` in a worker thread and resolves once it is open. The worker
 * runs the same file layout as this module: `.ts` under the test runner and Node's type
 * stripping, `.js` once built.
 */
export async function startPgliteThread(dataDir: string): Promise<PgliteThread> {
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  const worker = new Worker(new URL(`./pglite-worker.${extension}`, import.meta.url), {
    workerData: { dataDir } satisfies PgliteWorkerData,
  });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  let failure: Error | undefined;

  await new Promise<void>((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if ((message as { ready?: boolean }).ready === true) {
        worker.off('error', reject);
        resolve();
      }
    };
    worker.once('message', onMessage);
    worker.once('error', reject);
  });
  const listeners = new Map<string, Set<(payload: string) => void>>();
  worker.on('message', (message: PgliteResponse) => {
    if ('notice' in message) {
      for (const onNotice of listeners.get(message.notice.channel) ?? []) {
        onNotice(message.notice.payload);
      }
      return;
    }
    const waiting = pending.get(message.id);
    if (waiting === undefined) {
      return;
    }
    pending.delete(message.id);
    if (message.ok) {
      waiting.resolve(message.value);
    } else {
      waiting.reject(new PgliteError(message.error));
    }
  });
  // A crashed worker fails every statement in flight and every one after.
  const failAll = (error: Error) => {
    failure = error;
    for (const waiting of pending.values()) {
      waiting.reject(error);
    }
    pending.clear();
  };
  worker.on('error', (error) =>
    failAll(
      new PgliteUnavailableError(`the PGlite worker failed: ${error.message}`, { cause: error }),
    ),
  );
  worker.on('exit', (code) =>
    failAll(new PgliteUnavailableError(`the PGlite worker exited (code ${code})`)),
  );

  const call = <Value>(request: Request): Promise<Value> => {
    if (failure !== undefined) {
      return Promise.reject(failure);
    }
    const id = nextId++;
    return new Promise<Value>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  };

  return {
    query: (text, params, tx) => call({ kind: 'query', text, params, tx }),
    exec: (text, tx) => call({ kind: 'exec', text, tx }),
    begin: () => call({ kind: 'begin' }),
    end: (tx, commit) => call({ kind: 'end', tx, commit }),
    async listen(channel, onNotice) {
      const onChannel = listeners.get(channel) ?? new Set();
      listeners.set(channel, onChannel);
      onChannel.add(onNotice);
      await call({ kind: 'listen', channel });
      return async () => {
        onChannel.delete(onNotice);
        if (onChannel.size === 0) {
          listeners.delete(channel);
          await call({ kind: 'unlisten', channel }).catch(() => {});
        }
      };
    },
    async close() {
      await call({ kind: 'close' }).catch(() => {});
      await worker.terminate();
    },
  };
}
