import type { CarrierDefinition } from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import { createAcmeCarrier } from '../__fixtures__/acme-carrier.ts';
import { runCheck } from '../__fixtures__/run-check.ts';
import { definitionCheck } from './definition-check.ts';
import { requestOptionsCheck } from './request-options-check.ts';

describe('requestOptionsCheck', () => {
  it('passes an adapter that reads exactly the options it declares', async () => {
    const outcome = await runCheck(requestOptionsCheck);
    expect(outcome.problems).toEqual([]);
    expect(outcome.skipped).toBeUndefined();
  });

  it('reports an operation reading an option it does not declare, even when absent', async () => {
    const outcome = await runCheck(requestOptionsCheck, {
      quirks: { readsUndeclaredOption: true },
    });
    expect(outcome.problems).toEqual([
      'intercept read carrierOptions.payer, which requestOptions does not declare for intercept',
    ]);
  });

  it('reports a declared option the operation succeeds without reading', async () => {
    const outcome = await runCheck(requestOptionsCheck, {
      quirks: { ignoresDeclaredOption: true },
    });
    expect(outcome.problems).toEqual([
      'intercept succeeded without reading carrierOptions.depot, which requestOptions declares for it',
    ]);
  });

  it('leaves malformed declarations to the definition check', async () => {
    const acme = createAcmeCarrier();
    const broken: CarrierDefinition = {
      ...acme,
      requestOptions: [{ key: 'accountId', description: 'd', operations: ['track'] }],
    };
    const outcome = await runCheck(definitionCheck, { carrier: broken });
    expect(outcome.problems).toEqual([
      'requestOptions[0] (accountId) has the key of a credential: connection settings cannot be set per request',
    ]);
  });
});
