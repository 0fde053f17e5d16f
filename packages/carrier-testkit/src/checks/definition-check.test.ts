import type { CarrierDefinition } from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import { createAcmeCarrier } from '../__fixtures__/acme-carrier.ts';
import { runCheck } from '../__fixtures__/run-check.ts';
import { definitionCheck } from './definition-check.ts';

describe('definitionCheck', () => {
  it('passes the reference adapter', async () => {
    const outcome = await runCheck(definitionCheck);
    expect(outcome.problems).toEqual([]);
  });

  it('reports every gap assertCarrierDefinition finds', async () => {
    // Built by hand: defineCarrier() would refuse it before the check could.
    const { redirect: _redirect, ...withoutRedirect } = createAcmeCarrier();
    const broken = { ...withoutRedirect, contractVersion: 2 } as unknown as CarrierDefinition;
    const outcome = await runCheck(definitionCheck, { carrier: broken });
    expect(outcome.problems).toEqual([
      'it was built for contract v2, but this carrier-kit speaks v1',
      'capabilities.redirect is declared but redirect() is missing',
    ]);
  });

  it('reports empty or repeated documented status codes', async () => {
    expect((await runCheck(definitionCheck, { documentedStatusCodes: [] })).problems).toEqual([
      expect.stringContaining('documentedStatusCodes is empty'),
    ]);
    expect(
      (await runCheck(definitionCheck, { documentedStatusCodes: ['DL', 'DL'] })).problems,
    ).toEqual(['documentedStatusCodes lists "DL" twice']);
  });

  it('reports a required credential the conformance run does not supply', async () => {
    const outcome = await runCheck(definitionCheck, { credentials: { apiKey: 'acme_key_1234' } });
    expect(outcome.problems).toEqual([
      'credentials has no value for the required field "accountId"',
    ]);
  });
});
