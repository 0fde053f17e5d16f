/** Where a page ends: the last item's creation time and id (ids break ties). */
export interface PageCursor {
  readonly createdAt: string;
  readonly id: string;
}

/** Encodes a cursor as an opaque URL-safe string. */
export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

/** The only time form {@link encodeCursor} writes (`Date.toISOString`), years 0001 to 9999. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** The ids listed pages hold (see `newId`). */
const ACTION_ID = /^(?:icp|rdr|oev)_[0-9A-Z]{26}$/;

/**
 * Decodes a cursor; undefined when it was not made by {@link encodeCursor}. A cursor is
 * sent back by the client, so it is checked as strictly as any other input: its time must
 * be one `toISOString` writes (so a real calendar day: `Date.parse` rolls 2026-02-30 over
 * to March, PostgreSQL refuses it) in PostgreSQL's years, and its id one of ours.
 */
export function decodeCursor(value: string): PageCursor | undefined {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === 2 &&
      typeof decoded[0] === 'string' &&
      isCursorInstant(decoded[0]) &&
      typeof decoded[1] === 'string' &&
      ACTION_ID.test(decoded[1])
    ) {
      return { createdAt: decoded[0], id: decoded[1] };
    }
  } catch {
    // fall through: not a cursor of ours
  }
  return undefined;
}

function isCursorInstant(text: string): boolean {
  if (!ISO_INSTANT.test(text) || text.startsWith('0000')) {
    return false;
  }
  const time = Date.parse(text);
  return !Number.isNaN(time) && new Date(time).toISOString() === text;
}

/** Filters common to the intercept and redirect listings. */
export interface ListFilters {
  readonly status?: string | undefined;
  readonly carrier?: string | undefined;
  readonly reason?: string | undefined;
  readonly orderRef?: string | undefined;
  readonly trackingNumber?: string | undefined;
  readonly createdFrom?: string | undefined;
  readonly createdTo?: string | undefined;
  /** Only those flagged for a person (true), or only those not flagged (false). */
  readonly needsAttention?: boolean | undefined;
  readonly cursor?: PageCursor | undefined;
  readonly limit: number;
}

/**
 * Builds the WHERE clause and parameters of a tenant-scoped, newest-first keyset page.
 * Keyset (not OFFSET) pagination stays fast and stable while rows are being added.
 */
export function buildListQuery(
  table: 'intercepts' | 'redirects',
  columns: string,
  tenantId: string,
  filters: ListFilters,
): { readonly text: string; readonly params: unknown[] } {
  return buildKeysetPage(table, columns, tenantId, filters, [
    ['status = ?', filters.status],
    ['carrier = ?', filters.carrier],
    ['reason = ?', filters.reason],
    ['order_ref = ?', filters.orderRef],
    ['tracking_number = ?', filters.trackingNumber],
    ['created_at >= ?::timestamptz', filters.createdFrom],
    ['created_at < ?::timestamptz', filters.createdTo],
    ['needs_attention = ?::boolean', filters.needsAttention?.toString()],
  ]);
}

/**
 * The same newest-first keyset page for any tenant-owned table with `created_at` and
 * `id`, given its own equality conditions (`column = ?`, skipped when the value is
 * undefined).
 */
export function buildKeysetPage(
  table: string,
  columns: string,
  tenantId: string,
  page: { readonly cursor?: PageCursor | undefined; readonly limit: number },
  conditions: readonly (readonly [string, string | undefined])[],
): { readonly text: string; readonly params: unknown[] } {
  const params: unknown[] = [tenantId];
  const where = ['tenant_id = $1'];
  for (const [clause, value] of conditions) {
    if (value !== undefined) {
      params.push(value);
      where.push(clause.replace('?', `$${params.length}`));
    }
  }
  if (page.cursor !== undefined) {
    params.push(page.cursor.createdAt, page.cursor.id);
    where.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length})`);
  }
  params.push(page.limit + 1);
  return {
    text: `SELECT ${columns} FROM ${table} WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
    params,
  };
}

/**
 * Encodes where a page of a log ordered by a sequence number ends (the events): opaque
 * like {@link encodeCursor}, and told apart from it by its shape.
 */
export function encodeSequenceCursor(seq: string): string {
  return Buffer.from(JSON.stringify(['seq', seq])).toString('base64url');
}

/** Decodes a cursor written by {@link encodeSequenceCursor}; undefined for anything else. */
export function decodeSequenceCursor(value: string): string | undefined {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === 2 &&
      decoded[0] === 'seq' &&
      typeof decoded[1] === 'string' &&
      /^[1-9]\d{0,17}$/.test(decoded[1])
    ) {
      return decoded[1];
    }
  } catch {
    // fall through: not a cursor of ours
  }
  return undefined;
}
