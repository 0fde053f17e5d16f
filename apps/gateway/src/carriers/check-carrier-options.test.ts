import type { RequestOptionSpec } from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../problems.ts';
import { checkCarrierOptions, QUERY_CARRIER_OPTIONS } from './check-carrier-options.ts';

const requestOptions: RequestOptionSpec = [
  {
    key: 'com',
    description: 'company code',
    operations: ['track', 'intercept', 'redirect'],
    pattern: '^[A-Za-z0-9_]{2,40}$',
  },
  { key: 'county', description: 'district', operations: ['redirect'] },
];
const carrier = { displayName: 'Kuaidi100', requestOptions };

function problemOf(run: () => void): ProblemError {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a problem');
}

describe('checkCarrierOptions', () => {
  it('lets declared options with valid values through, and requests without options', () => {
    expect(() => checkCarrierOptions(carrier, 'intercept', { com: 'zhongtong' })).not.toThrow();
    expect(() =>
      checkCarrierOptions(carrier, 'redirect', { com: 'yunda', county: '浦东新区' }),
    ).not.toThrow();
    expect(() => checkCarrierOptions(carrier, 'track', undefined)).not.toThrow();
    expect(() => checkCarrierOptions(carrier, 'track', null)).not.toThrow();
    expect(() =>
      checkCarrierOptions({ displayName: 'UPS', requestOptions: [] }, 'track', {}),
    ).not.toThrow();
  });

  it('refuses an undeclared option as validation-failed naming it', () => {
    const problem = problemOf(() =>
      checkCarrierOptions(carrier, 'intercept', {
        com: 'zhongtong',
        interceptPayType: 'CONSIGNEE',
      }),
    );
    expect(problem.problemType).toBe('validation-failed');
    expect(problem.status).toBe(400);
    expect(problem.extensions.errors).toEqual([
      {
        pointer: '/carrierOptions/interceptPayType',
        detail: 'is not an option Kuaidi100 accepts on intercept requests (it accepts com)',
      },
    ]);
    expect(problem.detail).toContain('/carrierOptions/interceptPayType');
  });

  it('refuses an option declared only for another operation, and a value off its pattern', () => {
    const problem = problemOf(() =>
      checkCarrierOptions(carrier, 'intercept', { county: '浦东新区', com: 'Yun Da!' }),
    );
    expect(problem.extensions.errors).toEqual([
      {
        pointer: '/carrierOptions/county',
        detail: 'is not an option Kuaidi100 accepts on intercept requests (it accepts com)',
      },
      { pointer: '/carrierOptions/com', detail: 'must match ^[A-Za-z0-9_]{2,40}$' },
    ]);
  });

  it('refuses every option of an adapter that declares none, at the query pointer for tracking', () => {
    const problem = problemOf(() =>
      checkCarrierOptions({ displayName: 'Sandbox' }, 'track', { com: 'x' }, QUERY_CARRIER_OPTIONS),
    );
    expect(problem.extensions.errors).toEqual([
      {
        pointer: '/query/carrierOptions/com',
        detail: 'is not an option Sandbox accepts on track requests (it accepts none)',
      },
    ]);
  });
});
