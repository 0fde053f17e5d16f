/**
 * Reads a wave's CSV file into intercept requests, one per row, checking every row before
 * anything is sent: a wave with one bad row is refused whole, naming each bad row's line
 * and column, so an operator fixes the file once rather than learning of it item by item.
 */
import type { InterceptRequest, PickupMode } from '@parcelgate/sdk';
import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import {
  INTERCEPT_REASONS,
  isInterceptReason,
  isPickupMode,
  PICKUP_MODE_NAMES,
} from '../intercept-vocabulary.ts';
import { UsageError } from '../usage-error.ts';

/** The columns a wave file may have; the README documents each. */
export const WAVE_COLUMNS = [
  'carrier',
  'trackingNumber',
  'reason',
  'pickupMode',
  'orderRef',
  'note',
  'phoneLastDigits',
  'declaredValue',
  'currency',
  'category',
] as const;

type WaveColumn = (typeof WAVE_COLUMNS)[number];

/** Most rows one wave may carry: the batch API's limit. */
export const MAX_WAVE_ROWS = 1_000;

/** Values used where a row leaves a cell empty (from `--reason`, `--pickup-mode`). */
export interface WaveDefaults {
  readonly reason?: string | undefined;
  readonly pickupMode?: PickupMode | undefined;
}

/** csv-parse's `info: true` record: the cells and where the record ended. */
interface ParsedRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

/** Parses the file's text; throws a {@link UsageError} listing every bad row. */
export function readWaveCsv(text: string, defaults: WaveDefaults = {}): InterceptRequest[] {
  let records: ParsedRecord[];
  try {
    // With `info: true` each record comes as { record, info }: the types cannot say so.
    records = parse(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      comment: '#',
      comment_no_infix: true,
      info: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (error instanceof CsvError) {
      throw new UsageError(`the CSV file cannot be read: ${error.message}`);
    }
    throw error;
  }
  const [header, ...rows] = records;
  if (header === undefined) {
    throw new UsageError('the CSV file is empty: its first line names the columns');
  }
  const columns = readHeader(header.record);
  if (rows.length === 0) {
    throw new UsageError('the CSV file has a header but no rows');
  }
  if (rows.length > MAX_WAVE_ROWS) {
    throw new UsageError(
      `the CSV file has ${rows.length} rows; one wave takes at most ${MAX_WAVE_ROWS}: split it`,
    );
  }
  const problems: string[] = [];
  const requests: InterceptRequest[] = [];
  const parcels = new Map<string, number>();
  for (const { record, info } of rows) {
    const cells = new Map<WaveColumn, string>();
    columns.forEach((column, index) => {
      const value = record[index];
      if (value !== undefined && value !== '') {
        cells.set(column, value);
      }
    });
    const rowProblems: string[] = [];
    const request = toRequest(cells, defaults, rowProblems);
    const carrier = cells.get('carrier');
    const trackingNumber = cells.get('trackingNumber');
    if (carrier !== undefined && trackingNumber !== undefined) {
      // The batch API takes a parcel once; a repeat is most often a copy-paste slip.
      const key = `${carrier}:${trackingNumber}`;
      const earlier = parcels.get(key);
      if (earlier === undefined) {
        parcels.set(key, info.lines);
      } else {
        rowProblems.push(`parcel ${key} is already on line ${earlier}`);
      }
    }
    if (record.length > columns.length) {
      rowProblems.push(`${record.length} cells for ${columns.length} columns`);
    }
    if (rowProblems.length > 0 || request === undefined) {
      problems.push(...rowProblems.map((problem) => `line ${info.lines}: ${problem}`));
    } else {
      requests.push(request);
    }
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 20);
    const more =
      problems.length > shown.length ? `\n  … and ${problems.length - shown.length} more` : '';
    throw new UsageError(
      `the CSV file has bad rows, nothing was sent:\n  ${shown.join('\n  ')}${more}`,
    );
  }
  return requests;
}

function readHeader(names: readonly string[]): WaveColumn[] {
  const known = new Set<string>(WAVE_COLUMNS);
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown CSV column ${unknown.map((name) => JSON.stringify(name)).join(', ')}; the columns are ${WAVE_COLUMNS.join(', ')}`,
    );
  }
  const doubled = names.filter((name, index) => names.indexOf(name) !== index);
  if (doubled.length > 0) {
    throw new UsageError(`CSV column ${doubled.join(', ')} appears twice`);
  }
  for (const required of ['carrier', 'trackingNumber'] as const) {
    if (!names.includes(required)) {
      throw new UsageError(`the CSV file needs a "${required}" column`);
    }
  }
  return names as WaveColumn[];
}

function toRequest(
  cells: ReadonlyMap<WaveColumn, string>,
  defaults: WaveDefaults,
  problems: string[],
): InterceptRequest | undefined {
  const carrier = cells.get('carrier');
  const trackingNumber = cells.get('trackingNumber');
  const reason = cells.get('reason') ?? defaults.reason;
  const pickupMode = cells.get('pickupMode') ?? defaults.pickupMode;
  if (carrier === undefined) {
    problems.push('carrier is empty');
  }
  if (trackingNumber === undefined) {
    problems.push('trackingNumber is empty');
  }
  if (reason === undefined) {
    problems.push('reason is empty (or pass --reason for every row)');
  } else if (!isInterceptReason(reason)) {
    problems.push(`reason "${reason}" is not one of ${INTERCEPT_REASONS.join(', ')}`);
  }
  if (pickupMode === undefined) {
    problems.push('pickupMode is empty (or pass --pickup-mode for every row)');
  } else if (!isPickupMode(pickupMode)) {
    problems.push(`pickupMode "${pickupMode}" is not one of ${PICKUP_MODE_NAMES.join(', ')}`);
  }
  const amount = cells.get('declaredValue');
  const currency = cells.get('currency');
  if ((amount === undefined) !== (currency === undefined)) {
    problems.push('declaredValue and currency go together');
  }
  if (
    carrier === undefined ||
    trackingNumber === undefined ||
    reason === undefined ||
    !isInterceptReason(reason) ||
    pickupMode === undefined ||
    !isPickupMode(pickupMode) ||
    problems.length > 0
  ) {
    return undefined;
  }
  const orderRef = cells.get('orderRef');
  const note = cells.get('note');
  const phoneLastDigits = cells.get('phoneLastDigits');
  const category = cells.get('category');
  const declaredValue =
    amount !== undefined && currency !== undefined ? { amount, currency } : undefined;
  // The gateway checks the formats (amounts, digits, lengths) and names the item at fault.
  return {
    carrier,
    trackingNumber,
    reason,
    pickupMode,
    ...(orderRef === undefined ? {} : { orderRef }),
    ...(note === undefined ? {} : { note }),
    ...(phoneLastDigits === undefined ? {} : { phoneLastDigits }),
    ...(declaredValue === undefined && category === undefined
      ? {}
      : {
          parcel: {
            ...(declaredValue === undefined ? {} : { declaredValue }),
            ...(category === undefined ? {} : { category }),
          },
        }),
  };
}
