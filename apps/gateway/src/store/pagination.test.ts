import { describe, expect, it } from 'vitest';
import { buildListQuery, decodeCursor, encodeCursor } from './pagination.ts';

describe('cursors', () => {
  it('round-trip and reject anything else', () => {
    const cursor = { createdAt: '2026-11-26T05:00:00.000Z', id: 'icp_01' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    for (const value of [
      '',
      'garbage',
      Buffer.from('["not a date","x"]').toString('base64url'),
      Buffer.from('{}').toString('base64url'),
      // Date.parse accepts a bare year, which PostgreSQL's timestamptz does not.
      Buffer.from('["2026","icp_1"]').toString('base64url'),
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
