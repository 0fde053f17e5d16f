import { describe, expect, it } from 'vitest';
import { ACME_STATUS_CODES } from '../__fixtures__/acme-carrier.ts';
import { runCheck } from '../__fixtures__/run-check.ts';
import { statusCodesCheck } from './status-codes-check.ts';

describe('statusCodesCheck', () => {
  it('passes the reference adapter on every documented code', async () => {
    const outcome = await runCheck(statusCodesCheck);
    expect(outcome.problems).toEqual([]);
    expect(outcome.summary).toContain(`${ACME_STATUS_CODES.length} scenario(s) passed`);
  });

  it('fails an adapter that maps a documented code to unknown', async () => {
    const outcome = await runCheck(statusCodesCheck, { quirks: { unknownCodes: ['DL'] } });
    expect(outcome.problems).toEqual(['documented code "DL" maps to "unknown"']);
  });

  it('fails an adapter that drops the raw code', async () => {
    const outcome = await runCheck(statusCodesCheck, { quirks: { dropRawCode: true } });
    expect(outcome.problems).toHaveLength(ACME_STATUS_CODES.length);
    expect(outcome.problems[0]).toMatch(/^no event keeps raw.code "CR"/);
  });

  it('fails a documented code the adapter does not know at all', async () => {
    const outcome = await runCheck(statusCodesCheck, {
      documentedStatusCodes: [...ACME_STATUS_CODES, 'ZZ'],
    });
    expect(outcome.problems).toEqual(['documented code "ZZ" maps to "unknown"']);
  });
});
