/**
 * The worker thread that owns the embedded PGlite. PGlite runs PostgreSQL compiled to
 * WebAssembly synchronously on whatever thread calls it; here, that is not the gateway's
 * event loop, so timers (latency budgets, deadline answers) fire on time while a query
 * runs. Statements are answered in the order PGlite runs them; a transaction holds
 * PGlite's own transaction lock from `begin` to `end`, so other statements wait for it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type {
  PgliteErrorFields,
  PgliteRequest,
  PgliteResponse,
  PgliteWorkerData,
} from './protocol.ts';

if (parentPort === null) {
  throw new Error('pglite-worker.ts runs as a worker thread');
}
const port = parentPort;
const { dataDir } = workerData as PgliteWorkerData;

/** Thrown inside PGlite's transaction callback to roll it back without an error to report. */
const ROLLBACK = Symbol('rollback');

interface OpenTransaction {
  readonly tx: Transaction;
  /** Ends the transaction: commit or roll back. */
  finish(commit: boolean): void;
  /** Settles once PGlite committed or rolled back. */
  readonly settled: Promise<void>;
}

const transactions = new Map<number, OpenTransaction>();
/** Channels listened to, with the function that stops listening. */
const listening = new Map<string, () => Promise<void>>();
let nextTransaction = 1;

/**
 * PostgreSQL's settings for the embedded database. Its memory is the gateway's own (the
 * WebAssembly heap only grows), and one connection of modest tables needs far less than
 * the 128 MB of shared buffers PGlite starts with: measured in bench/overhead.ts.
 */
const EMBEDDED_SETTINGS = ['shared_buffers = 16MB', 'wal_buffers = 1MB'];

const db = await PGlite.create(dataDir, { postgresqlconf: EMBEDDED_SETTINGS });
port.postMessage({ ready: true });

port.on('message', (request: PgliteRequest) => {
  handle(request).then(
    (value) => port.postMessage({ id: request.id, ok: true, value } satisfies PgliteResponse),
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        ok: false,
        error: fieldsOf(error),
      } satisfies PgliteResponse),
  );
});

async function handle(request: PgliteRequest): Promise<unknown> {
  switch (request.kind) {
    case 'query': {
      const runner = request.tx === undefined ? db : openTransaction(request.tx).tx;
      const result = await runner.query(
        request.text,
        request.params === undefined ? undefined : [...request.params],
      );
      return { rows: result.rows as Record<string, unknown>[] };
    }
    case 'exec': {
      const runner = request.tx === undefined ? db : openTransaction(request.tx).tx;
      const results = await runner.exec(request.text);
      return results.map((result) => ({ rows: result.rows as Record<string, unknown>[] }));
    }
    case 'begin':
      return begin();
    case 'end': {
      const open = openTransaction(request.tx);
      transactions.delete(request.tx);
      open.finish(request.commit);
      await open.settled;
      return null;
    }
    case 'listen': {
      const { channel } = request;
      if (!listening.has(channel)) {
        const stop = await db.listen(channel, (payload) =>
          port.postMessage({ notice: { channel, payload } } satisfies PgliteResponse),
        );
        listening.set(channel, stop);
      }
      return null;
    }
    case 'unlisten':
      await listening.get(request.channel)?.();
      listening.delete(request.channel);
      return null;
    case 'close':
      await db.close();
      return null;
  }
}

/** Opens a transaction and resolves with its id once PGlite has started it. */
function begin(): Promise<number> {
  const id = nextTransaction++;
  let finish: (commit: boolean) => void = () => {};
  const ended = new Promise<boolean>((resolve) => {
    finish = resolve;
  });
  return new Promise<number>((resolveStarted, rejectStarted) => {
    const settled: Promise<void> = db
      .transaction(async (tx) => {
        transactions.set(id, { tx, finish, settled });
        resolveStarted(id);
        if (!(await ended)) {
          throw ROLLBACK;
        }
      })
      .then(
        () => undefined,
        (error: unknown) => {
          if (error === ROLLBACK) {
            return undefined;
          }
          rejectStarted(error);
          throw error;
        },
      );
    // Observed by `end` when it comes; a failed begin is reported through rejectStarted.
    settled.catch(() => {});
  });
}

function openTransaction(id: number): OpenTransaction {
  const open = transactions.get(id);
  if (open === undefined) {
    throw new Error(`no open transaction ${id}`);
  }
  return open;
}

function fieldsOf(error: unknown): PgliteErrorFields {
  const fields = (error ?? {}) as Partial<
    Record<'message' | 'code' | 'detail' | 'constraint', unknown>
  >;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    message: text(fields.message) ?? String(error),
    code: text(fields.code),
    detail: text(fields.detail),
    constraint: text(fields.constraint),
  };
}
