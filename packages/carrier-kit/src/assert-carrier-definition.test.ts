import { describe, expect, it } from 'vitest';
import { CarrierDefinitionError } from './assert-carrier-definition.ts';
import type { CarrierCapabilities } from './capabilities.ts';
import type { CarrierDefinition } from './carrier-definition.ts';
import { defineCarrier } from './carrier-definition.ts';
import { CONTRACT_VERSION } from './contract-version.ts';

const interceptCapability: NonNullable<CarrierCapabilities['intercept']> = {
  window: {
    highLikelihood: ['picked_up', 'in_transit'],
    lowLikelihood: ['at_destination_facility'],
  },
  fees: { kind: 'by_pickup_mode' },
  outcome: 'synchronous',
  safeToRetry: false,
  declaredValueLimits: [{ amount: '1000.00', currency: 'CNY' }],
  excludedCategories: ['fresh_food'],
};

function validDefinition(): CarrierDefinition {
  return {
    id: 'acme',
    displayName: 'Acme Express',
    contractVersion: CONTRACT_VERSION,
    capabilities: { proofOfDelivery: false, callbacks: false, intercept: interceptCapability },
    credentials: [
      { key: 'apiKey', env: 'API_KEY', description: 'key', secret: true, required: true },
    ],
    track: async () => ({ carrierId: 'acme', trackingNumber: 'A1', status: 'unknown', events: [] }),
    intercept: async () => ({ outcome: 'accepted' }),
  };
}

function problemsOf(definition: unknown): readonly string[] {
  try {
    defineCarrier(definition as CarrierDefinition);
  } catch (error) {
    if (error instanceof CarrierDefinitionError) {
      return error.problems;
    }
    throw error;
  }
  return [];
}

describe('defineCarrier', () => {
  it('returns a complete definition unchanged', () => {
    const definition = validDefinition();
    expect(defineCarrier(definition)).toBe(definition);
  });

  it('names the adapter and the contract mismatch', () => {
    const definition = { ...validDefinition(), contractVersion: 2 };
    expect(() => defineCarrier(definition as unknown as CarrierDefinition)).toThrow(
      'Carrier adapter "acme" does not fulfil carrier-kit contract v1: it was built for contract v2, but this carrier-kit speaks v1',
    );
  });

  it('reports a missing contract version', () => {
    const { contractVersion: _, ...definition } = validDefinition();
    expect(problemsOf(definition)).toEqual([
      'contractVersion is missing (set it to CONTRACT_VERSION)',
    ]);
  });

  it('reports a declared operation without its function, and the reverse', () => {
    const { intercept: _, ...withoutIntercept } = validDefinition();
    expect(problemsOf(withoutIntercept)).toEqual([
      'capabilities.intercept is declared but intercept() is missing',
    ]);
    const withUndeclaredRedirect = {
      ...validDefinition(),
      redirect: async () => ({ outcome: 'accepted' }),
    };
    expect(problemsOf(withUndeclaredRedirect)).toEqual([
      'redirect() is defined but capabilities.redirect does not declare it',
    ]);
  });

  it('pairs the cancel and fee quote capabilities with their operations, both ways', () => {
    const cancel = async () => ({ outcome: 'cancelled' as const });
    const quoteFee = async () => ({ amount: { amount: '21.00', currency: 'USD' } });
    const withAll = {
      ...validDefinition(),
      capabilities: {
        ...validDefinition().capabilities,
        cancelIntercept: { safeToRetry: true },
        feeQuote: { actions: ['intercept'] },
      },
      cancelIntercept: cancel,
      quoteFee,
    };
    expect(problemsOf(withAll)).toEqual([]);
    const { cancelIntercept: _, quoteFee: __, ...missingOperations } = withAll;
    expect(problemsOf(missingOperations)).toEqual([
      'capabilities.cancelIntercept is declared but cancelIntercept() is missing',
      'capabilities.feeQuote is declared but quoteFee() is missing',
    ]);
    expect(problemsOf({ ...validDefinition(), cancelRedirect: cancel, quoteFee })).toEqual([
      'cancelRedirect() is defined but capabilities.cancelRedirect does not declare it',
      'quoteFee() is defined but capabilities.feeQuote does not declare it',
    ]);
  });

  it('refuses a cancel or a fee quote for an action the carrier does not declare', () => {
    const definition = {
      ...validDefinition(),
      capabilities: {
        ...validDefinition().capabilities,
        cancelIntercept: { safeToRetry: 'maybe' },
        cancelRedirect: { safeToRetry: false },
        feeQuote: { actions: ['redirect', 'cancel'] },
      },
      cancelIntercept: async () => ({ outcome: 'cancelled' }),
      cancelRedirect: async () => ({ outcome: 'cancelled' }),
      quoteFee: async () => ({ amount: { amount: '1.00', currency: 'CNY' } }),
    };
    expect(problemsOf(definition)).toEqual([
      'capabilities.cancelIntercept.safeToRetry must be true or false',
      'capabilities.cancelRedirect is declared but capabilities.redirect is not',
      'capabilities.feeQuote.actions lists redirect but capabilities.redirect is not declared',
      'capabilities.feeQuote.actions[1] must be intercept or redirect',
    ]);
    expect(
      problemsOf({
        ...definition,
        capabilities: { ...validDefinition().capabilities, feeQuote: { actions: [] } },
        cancelIntercept: undefined,
        cancelRedirect: undefined,
      }),
    ).toEqual(['capabilities.feeQuote.actions must list intercept or redirect']);
  });

  it('collects every problem in one message, named by the id it claims', () => {
    const broken = {
      ...validDefinition(),
      id: 'Not Kebab',
      track: undefined,
      capabilities: {
        proofOfDelivery: 'yes',
        callbacks: true,
        intercept: { ...interceptCapability, window: { highLikelihood: ['teleported'] }, fees: {} },
      },
      credentials: [{ key: 'apiKey' }],
    };
    let thrown: unknown;
    try {
      defineCarrier(broken as unknown as CarrierDefinition);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CarrierDefinitionError);
    const error = thrown as CarrierDefinitionError;
    expect(error.carrierName).toBe('Not Kebab');
    expect(error.problems).toEqual([
      'id must be a kebab-case string such as "ups" or "carrier-x"',
      'track() is missing: every carrier must track',
      'capabilities.callbacks is true but callbacks.handle() is missing',
      'capabilities.proofOfDelivery must be true or false',
      'capabilities.intercept.window.highLikelihood must list normalized statuses',
      'capabilities.intercept.window.lowLikelihood must list normalized statuses',
      'capabilities.intercept.fees.kind must be one of by_pickup_mode, carrier_quote, flat, free',
      'credentials[0] needs key, env (UPPER_SNAKE), description, secret and required',
    ]);
  });

  it('accepts named hosts and checks their names and URLs', () => {
    const endpoints = {
      production: 'https://poll.acme.example',
      hosts: {
        label: { production: 'https://api.acme.example', test: 'https://cie.acme.example' },
      },
    };
    expect(problemsOf({ ...validDefinition(), endpoints })).toEqual([]);
    expect(
      problemsOf({
        ...validDefinition(),
        endpoints: {
          production: 'poll.acme.example',
          hosts: {
            Label_API: { production: 'https://api.acme.example' },
            www: { test: 'ftp://x' },
          },
        },
      }),
    ).toEqual([
      'endpoints.production must be an http(s) URL',
      'endpoints.hosts name "Label_API" must be kebab-case, e.g. "label"',
      'endpoints.hosts.www.production must be an http(s) URL',
      'endpoints.hosts.www.test must be an http(s) URL',
    ]);
    expect(
      problemsOf({
        ...validDefinition(),
        endpoints: { production: 'https://a.example', hosts: [] },
      }),
    ).toEqual(['endpoints.hosts must be an object of named hosts']);
  });

  it('reports an optional operation that is not a function (verifyCredentials included)', () => {
    expect(problemsOf({ ...validDefinition(), verifyCredentials: 'yes' })).toContain(
      'verifyCredentials must be a function',
    );
  });

  it('rejects values that are not objects', () => {
    expect(() => defineCarrier(null as unknown as CarrierDefinition)).toThrow(
      'expected an object made by defineCarrier(), got null',
    );
  });

  it('checks flat fees, redirect quotas and rate limits', () => {
    const definition = {
      ...validDefinition(),
      capabilities: {
        proofOfDelivery: true,
        callbacks: false,
        intercept: {
          ...interceptCapability,
          fees: { kind: 'flat', amount: { amount: '5', currency: 'yuan' } },
        },
        redirect: { ...interceptCapability, freePerOrder: -1 },
        rateLimits: { requestsPerSecond: 0 },
      },
      redirect: async () => ({ outcome: 'accepted' }),
    };
    expect(problemsOf(definition)).toEqual([
      'capabilities.intercept.fees.amount must be money ({ amount: "10.00", currency: "CNY" })',
      'capabilities.redirect.freePerOrder must be a whole number >= 0',
      'capabilities.rateLimits.requestsPerSecond must be a positive number',
    ]);
  });
});
