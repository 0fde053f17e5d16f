import { describe, expect, it } from 'vitest';
import { buildListQuery, decodeCursor, encodeCursor } from './pagination.ts';

describe('cursors', () => {
  it('round-trip and reject anything else', () => {
    const id = 'icp_01M8B70PM59AKE3HVVHZRNFWN6';
    for (const cursor of [
      { createdAt: '2026-11-26T05:00:00.000Z', id },
      { createdAt: '0001-01-01T00:00:00.000Z', id: 'rdr_01M8B70PM59AKE3HVVHZRNFWN6' },
      { createdAt: '2028-02-29T23:59:59.999Z', id },
    ]) {
      expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    }
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const value of [
      '',
      'garbage',
      forged(['not a date', id]),
      forged({}),
      // Date.parse accepts a bare year, which PostgreSQL's timestamptz does not.
      forged(['2026', id]),
      // Date.parse rolls a day past the month's end over; PostgreSQL refuses it.
      forged(['2026-02-30T00:00:00.000Z', id]),
      forged(['2026-04-31T00:00:00.000Z', id]),
      // PostgreSQL has no year 0.
      forged(['0000-01-01T00:00:00.000Z', id]),
      // Ids are ours: nothing else, NUL least of all, reaches the database.
      forged(['2026-11-26T05:00:00.000Z', 'icp_\u0000']),
      forged(['2026-11-26T05:00:00.000Z', 'icp_01']),
      forged(['2026-11-26T05:00:00.000Z', 'key_01M8B70PM59AKE3HVVHZRNFWN6']),
    ]) {
      expect(decodeCursor(value)).toBeUndefined();
    }
  });

  it('scope every page to the tenant and bind every filter as a parameter', () => {
    const { text, params } = buildListQuery('intercepts', 'id', 'tnt_1', {
      status: "accepted' OR 1=1 --",
      orderRef: 'O-1',
      cursor: { createdAt: '2026-11-26T05:00:00.000Z', id: 'icp_9' },
      limit: 20,
    });
    expect(text).toBe(
      'SELECT id FROM intercepts WHERE tenant_id = $1 AND status = $2 AND order_ref = $3 AND (created_at, id) < ($4::timestamptz, $5) ORDER BY created_at DESC, id DESC LIMIT $6',
    );
    expect(params).toEqual([
      'tnt_1',
      "accepted' OR 1=1 --",
      'O-1',
      '2026-11-26T05:00:00.000Z',
      'icp_9',
      21,
    ]);
  });
});
