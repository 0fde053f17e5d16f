import { describe, expect, it } from 'vitest';
import { assertCarrierDefinition, CarrierDefinitionError } from './assert-carrier-definition.ts';
import { CONTRACT_VERSION } from './contract-version.ts';

const base = {
  id: 'acme',
  displayName: 'Acme',
  contractVersion: CONTRACT_VERSION,
  credentials: [],
  track: async () => {
    throw new Error('not called');
  },
};

function problemsOf(definition: object): readonly string[] {
  try {
    assertCarrierDefinition(definition);
    return [];
  } catch (error) {
    if (error instanceof CarrierDefinitionError) {
      return error.problems;
    }
    throw error;
  }
}

describe('bulk tracking and off-API operations in the contract', () => {
  it('accepts trackMany with its capability, and an intercept offered only on the website', () => {
    expect(
      problemsOf({
        ...base,
        capabilities: {
          proofOfDelivery: false,
          callbacks: false,
          bulkTracking: { maxPerCall: 30 },
          offApi: { intercept: { reason: 'only on usps.com', url: 'https://www.usps.com/' } },
          rateLimits: { requestsPerSecond: 140, burst: 1400, requestsPerDay: 100_000 },
        },
        trackMany: async () => [],
      }),
    ).toEqual([]);
  });

  it('refuses trackMany without its capability and the capability without trackMany', () => {
    expect(
      problemsOf({
        ...base,
        capabilities: { proofOfDelivery: false, callbacks: false },
        trackMany: async () => [],
      }),
    ).toContain('trackMany() is defined but capabilities.bulkTracking does not declare it');
    expect(
      problemsOf({
        ...base,
        capabilities: { proofOfDelivery: false, callbacks: false, bulkTracking: { maxPerCall: 1 } },
      }),
    ).toEqual([
      'capabilities.bulkTracking is declared but trackMany() is missing',
      'capabilities.bulkTracking.maxPerCall must be a whole number >= 2',
    ]);
  });

  it('refuses an off-API entry without a reason, with a plain-http url, or contradicting a capability', () => {
    const problems = problemsOf({
      ...base,
      capabilities: {
        proofOfDelivery: false,
        callbacks: false,
        offApi: {
          intercept: { reason: ' ' },
          redirect: { reason: 'web', url: 'http://x.test' },
          track: {},
        },
        rateLimits: { requestsPerDay: 0 },
      },
    });
    expect(problems).toEqual([
      'capabilities.rateLimits.requestsPerDay must be a positive number',
      'capabilities.offApi.intercept.reason must say why and where it can be done',
      'capabilities.offApi.redirect.url must be an https URL',
      'capabilities.offApi.track: only intercept and redirect can be listed',
    ]);
  });
});
