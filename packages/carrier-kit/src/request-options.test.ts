import { describe, expect, it } from 'vitest';
import { CarrierDefinitionError } from './assert-carrier-definition.ts';
import type { CarrierDefinition } from './carrier-definition.ts';
import { defineCarrier } from './carrier-definition.ts';
import { CONTRACT_VERSION } from './contract-version.ts';
import { findRequestOptionProblems, type RequestOptionSpec } from './request-options.ts';

const options: RequestOptionSpec = [
  {
    key: 'com',
    description: 'company code',
    operations: ['track', 'intercept'],
    pattern: '^[a-z]{2,10}$',
    example: 'zhongtong',
  },
  { key: 'lane', description: 'lane', operations: ['intercept'], values: ['fast', 'slow'] },
];

function definitionWith(requestOptions: unknown): CarrierDefinition {
  return {
    id: 'acme',
    displayName: 'Acme Express',
    contractVersion: CONTRACT_VERSION,
    capabilities: { proofOfDelivery: false, callbacks: false },
    credentials: [
      { key: 'payMode', env: 'PAY_MODE', description: 'who pays', secret: false, required: false },
    ],
    track: async () => ({ carrierId: 'acme', trackingNumber: 'A1', status: 'unknown', events: [] }),
    requestOptions: requestOptions as RequestOptionSpec,
  };
}

function problemsOf(requestOptions: unknown): readonly string[] {
  try {
    defineCarrier(definitionWith(requestOptions));
  } catch (error) {
    if (error instanceof CarrierDefinitionError) {
      return error.problems;
    }
    throw error;
  }
  return [];
}

describe('requestOptions in defineCarrier', () => {
  it('accepts well-formed declarations, or none', () => {
    expect(problemsOf(undefined)).toEqual([]);
    expect(problemsOf([])).toEqual([]);
    expect(problemsOf([{ ...options[0], operations: ['track'] }])).toEqual([]);
  });

  it('refuses a key that is a credential: a request must not override the connection', () => {
    expect(problemsOf([{ key: 'payMode', description: 'd', operations: ['track'] }])).toEqual([
      'requestOptions[0] (payMode) has the key of a credential: connection settings cannot be set per request',
    ]);
  });

  it('names every malformed piece', () => {
    expect(
      problemsOf([
        'com',
        { key: 'Bad-Key', description: 'd', operations: ['track'] },
        { key: 'a', description: ' ', operations: [] },
        { key: 'a', description: 'd', operations: ['track', 'track', 'ship', 'intercept'] },
        { key: 'b', description: 'd', operations: ['track'], pattern: '[a-z]+' },
        { key: 'c', description: 'd', operations: ['track'], pattern: '^([a-z]$' },
        { key: 'd', description: 'd', operations: ['track'], pattern: '^x$', values: ['x'] },
        { key: 'e', description: 'd', operations: ['track'], values: ['x', 'x'] },
        { key: 'f', description: 'd', operations: ['track'], values: ['x'], example: 'y' },
      ]),
    ).toEqual([
      'requestOptions[0].key must be camelCase, at most 32 characters',
      'requestOptions[1].key must be camelCase, at most 32 characters',
      'requestOptions[2] (a).description is missing',
      'requestOptions[2] (a).operations must list track, intercept or redirect',
      'requestOptions[3] (a) is declared twice',
      'requestOptions[3] (a).operations lists track twice',
      'requestOptions[3] (a).operations[2] must be track, intercept or redirect',
      'requestOptions[3] (a).operations names intercept, which capabilities do not declare',
      'requestOptions[4] (b).pattern must be a regular expression source anchored with ^ and $',
      'requestOptions[5] (c).pattern does not compile as a regular expression',
      'requestOptions[6] (d) gives both pattern and values: give one',
      'requestOptions[7] (e).values must list distinct non-empty strings',
      'requestOptions[8] (f).example must be a value the option accepts',
    ]);
    expect(problemsOf({ com: {} })).toEqual([
      'requestOptions must be an array (empty when requests may set none)',
    ]);
  });
});

describe('findRequestOptionProblems', () => {
  it('accepts declared options with good values, and no options at all', () => {
    expect(findRequestOptionProblems(options, 'track', { com: 'yunda' })).toEqual([]);
    expect(findRequestOptionProblems(options, 'intercept', { com: 'yunda', lane: 'fast' })).toEqual(
      [],
    );
    expect(findRequestOptionProblems(undefined, 'track', undefined)).toEqual([]);
    expect(findRequestOptionProblems(undefined, 'track', {})).toEqual([]);
  });

  it('names an undeclared option, and one declared for another operation, with what is accepted', () => {
    expect(
      findRequestOptionProblems(options, 'track', { returnAddress: 'x', lane: 'fast' }, 'acme'),
    ).toEqual([
      {
        key: 'returnAddress',
        detail: 'is not an option acme accepts on track requests (it accepts com)',
      },
      { key: 'lane', detail: 'is not an option acme accepts on track requests (it accepts com)' },
    ]);
    expect(findRequestOptionProblems([], 'redirect', { com: 'yunda' })).toEqual([
      {
        key: 'com',
        detail: 'is not an option this carrier accepts on redirect requests (it accepts none)',
      },
    ]);
  });

  it('refuses values outside the declared pattern or values', () => {
    expect(
      findRequestOptionProblems(options, 'intercept', { com: 'Yun Da!', lane: 'sideways' }),
    ).toEqual([
      { key: 'com', detail: 'must match ^[a-z]{2,10}$' },
      { key: 'lane', detail: 'must be one of fast, slow' },
    ]);
  });
});
