/**
 * `parcelgate intercept --from-csv wave-42.csv`: a whole picking wave as one batch
 * (`POST /v1/intercepts/batch`, one Idempotency-Key for all of it), followed until done
 * (`GET /v1/intercepts/batch/{id}`), then summed up. Every row is checked before anything is
 * sent; the gateway runs the items under each carrier's limits.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  type InterceptBatch,
  type InterceptBatchItem,
  isConnectionError,
  isTimeoutError,
  type ParcelgateClient,
  type PickupMode,
} from '@parcelgate/sdk';
import { type CommandContext, printJson } from '../context.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import { pollBackoff } from '../poll-backoff.ts';
import { UsageError } from '../usage-error.ts';
import { readWaveCsv } from '../wave/read-wave-csv.ts';
import { waveProgress } from '../wave/wave-progress.ts';
import { formatWaveSummary } from '../wave/wave-summary.ts';

/** The flags of a wave. */
export interface WaveFlags {
  readonly reason?: string | undefined;
  readonly pickupMode?: PickupMode | undefined;
  readonly idempotencyKey?: string | undefined;
  /** The longest pause between two progress reads, in milliseconds. */
  readonly maxIntervalMs: number;
}

/** Items read per page once the batch is done: the batch API's largest page. */
const ITEMS_PAGE = 1_000;

/**
 * Runs the wave; exit 0 when no item was refused or failed (pending ones are the carrier's
 * to decide, as for a single intercept), 4 otherwise.
 */
export async function waveCommand(
  context: CommandContext,
  file: string,
  flags: WaveFlags,
): Promise<ExitCode> {
  const { io } = context;
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const items = readWaveCsv(text, { reason: flags.reason, pickupMode: flags.pickupMode });
  const { client } = await context.connect();
  const idempotencyKey = flags.idempotencyKey ?? randomUUID();
  if (!context.json) {
    io.stderr.write(
      `wave: ${items.length} parcels from ${file}, Idempotency-Key ${idempotencyKey}\n`,
    );
  }
  let created: InterceptBatch;
  try {
    created = await client.interceptBatches.create(
      { items },
      { idempotencyKey, signal: io.signal },
    );
  } catch (error) {
    if (isConnectionError(error) || isTimeoutError(error)) {
      // The batch may have been stored: the same key replays it and starts nothing twice.
      io.stderr.write(`the batch may exist: repeat with --idempotency-key ${idempotencyKey}\n`);
    }
    throw error;
  }
  if (!context.json) {
    io.stderr.write(`batch ${created.id} accepted\n`);
  }
  const progress = waveProgress(io.stderr, created.id, context.json);
  let batch: InterceptBatch;
  try {
    batch = await followBatch(context, client, created, flags.maxIntervalMs, progress.update);
  } finally {
    progress.stop();
  }
  const results = await allItems(client, batch.id, io.signal);
  if (context.json) {
    const { items: _page, nextCursor: _cursor, ...summary } = batch;
    printJson(io, { batch: summary, items: results });
  } else {
    io.stdout.write(formatWaveSummary(batch, results));
  }
  return batch.counts.refused + batch.counts.failed > 0 ? EXIT_CODES.partial : EXIT_CODES.ok;
}

/** Reads the batch (counts only) until it is done, telling each read to `onRead`. */
async function followBatch(
  context: CommandContext,
  client: ParcelgateClient,
  created: InterceptBatch,
  maxIntervalMs: number,
  onRead: (counts: InterceptBatch['counts']) => void,
): Promise<InterceptBatch> {
  const { io } = context;
  const backoff = pollBackoff(Math.min(250, maxIntervalMs), maxIntervalMs);
  let batch = created;
  onRead(batch.counts);
  while (batch.status !== 'done') {
    await io.sleep(backoff.next(), io.signal);
    const before = batch.counts.done;
    batch = await client.interceptBatches.get(batch.id, { limit: 1 }, { signal: io.signal });
    onRead(batch.counts);
    if (batch.counts.done !== before) {
      backoff.reset();
    }
  }
  return batch;
}

/** Every item's result, in the order of the file. */
async function allItems(
  client: ParcelgateClient,
  id: string,
  signal: AbortSignal,
): Promise<InterceptBatchItem[]> {
  const items: InterceptBatchItem[] = [];
  let cursor: string | null = null;
  do {
    const page: InterceptBatch = await client.interceptBatches.get(
      id,
      { limit: ITEMS_PAGE, ...(cursor === null ? {} : { cursor }) },
      { signal },
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return items;
}
