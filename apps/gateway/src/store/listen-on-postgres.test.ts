/**
 * The dedicated LISTEN connection on PostgreSQL (run with `DATABASE_URL`; PGlite has no
 * connection to lose): notices are heard, a lost connection is reported and reopened by
 * itself, and notices flow again once it is back.
 */
import { randomBytes } from 'node:crypto';
import { freePort } from '@parcelgate/test-stack';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NoticeRecorder } from '../../test/support/notice-recorder.ts';
import type { Listening } from './database.ts';
import { listenOnPostgres } from './listen-on-postgres.ts';

const POSTGRES = process.env.DATABASE_URL?.trim() ?? '';

describe.skipIf(POSTGRES === '')('listenOnPostgres', () => {
  let other: pg.Client;
  const listenings: Listening[] = [];

  beforeAll(async () => {
    other = new pg.Client({ connectionString: POSTGRES });
    await other.connect();
  });
  afterEach(async () => {
    for (const listening of listenings.splice(0)) {
      await listening.close();
    }
  });
  afterAll(async () => {
    await other?.end();
  });

  /** A channel of this test alone: the database's other listeners never hear it. */
  const newChannel = () => `parcelgate_test_${randomBytes(6).toString('hex')}`;
  const notify = (channel: string, payload: string) =>
    other.query('SELECT pg_notify($1, $2)', [channel, payload]);

  async function listen(channel: string): Promise<NoticeRecorder> {
    const recorder = new NoticeRecorder();
    listenings.push(await listenOnPostgres(POSTGRES, channel, recorder));
    return recorder;
  }

  it('hears a notice sent on its channel by another connection, and none of another channel', async () => {
    const channel = newChannel();
    const recorder = await listen(channel);
    expect(recorder.heardCalls).toEqual([true]);
    await notify(newChannel(), 'elsewhere');
    await notify(channel, 'hello');
    await recorder.waitForPayload((payload) => payload === 'hello');
    expect(recorder.payloads).toEqual(['hello']);
  });

  it('reports a killed connection (heard false), reconnects (heard true) and hears again', async () => {
    const channel = newChannel();
    const recorder = await listen(channel);
    await notify(channel, 'before');
    await recorder.waitForPayload((payload) => payload === 'before');

    const killed = await other.query<{ killed: boolean }>(
      `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
        WHERE query = $1 AND pid <> pg_backend_pid()`,
      [`LISTEN ${pg.escapeIdentifier(channel)}`],
    );
    expect(killed.rows).toEqual([{ killed: true }]);
    await recorder.waitForHeard(false, 1);
    await recorder.waitForHeard(true, 2);
    expect(recorder.heardCalls).toEqual([true, false, true]);

    await notify(channel, 'after');
    await recorder.waitForPayload((payload) => payload === 'after');
    expect(recorder.payloads).toEqual(['before', 'after']);
  });

  it('after close() hears nothing and does not reconnect', async () => {
    const channel = newChannel();
    const recorder = new NoticeRecorder();
    const listening = await listenOnPostgres(POSTGRES, channel, recorder);
    await listening.close();
    // A notice that does come, to another listener, after the one this one must not hear.
    const marker = await listen(channel);
    await notify(channel, 'after close');
    await marker.waitForPayload((payload) => payload === 'after close');
    expect(recorder.payloads).toEqual([]);
    expect(recorder.heardCalls).toEqual([true]);
  });

  it('rejects when the first LISTEN cannot be made', async () => {
    const recorder = new NoticeRecorder();
    const refused = new URL(POSTGRES);
    refused.hostname = '127.0.0.1';
    refused.port = String(await freePort());
    await expect(listenOnPostgres(refused.toString(), newChannel(), recorder)).rejects.toThrow();
    expect(recorder.heardCalls).toEqual([]);
  });
});
