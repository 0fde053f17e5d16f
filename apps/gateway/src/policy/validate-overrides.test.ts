import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './defaults.ts';
import { validatePolicyOverrides } from './validate-overrides.ts';

const pointers = (value: unknown) => validatePolicyOverrides(value).map((p) => p.pointer);

describe('validatePolicyOverrides', () => {
  it('accepts empty, partial and full overrides', () => {
    expect(validatePolicyOverrides({})).toEqual([]);
    expect(validatePolicyOverrides({ redirect: { whenFreeUsed: 'refuse' } })).toEqual([]);
    expect(validatePolicyOverrides(DEFAULT_POLICY)).toEqual([]);
    expect(
      validatePolicyOverrides({
        intercept: {
          window: { highLikelihood: ['in_transit'], lowLikelihood: ['out_for_delivery'] },
          declaredValueLimits: [
            { amount: '500', currency: 'CNY' },
            { amount: '70.50', currency: 'USD' },
          ],
          exchangeRates: { 'USD/CNY': '7.10', 'EUR/CNY': '7.7512' },
          excludedCategories: [],
        },
        redirect: { freePerOrder: 0 },
      }),
    ).toEqual([]);
  });

  it('requires objects and names unknown settings', () => {
    expect(validatePolicyOverrides(null)).toEqual([{ pointer: '', message: 'must be an object' }]);
    expect(pointers([])).toEqual(['']);
    expect(pointers({ intercept: 'yes', fees: {} })).toEqual(['/fees', '/intercept']);
    expect(pointers({ redirect: { window: [], max: 2 } })).toEqual([
      '/redirect/max',
      '/redirect/window',
    ]);
  });

  it('checks window statuses one by one', () => {
    const problems = validatePolicyOverrides({
      intercept: {
        window: {
          highLikelihood: ['in_transit', 'flying', 'delivered', 'in_transit'],
          lowLikelihood: ['in_transit', 'label_created'],
        },
      },
      redirect: { window: { highLikelihood: 'in_transit' } },
    });
    expect(problems.map((p) => p.pointer)).toEqual([
      '/intercept/window/highLikelihood/1',
      '/intercept/window/highLikelihood/2',
      '/intercept/window/lowLikelihood/1',
      '/intercept/window/highLikelihood/3',
      '/intercept/window/lowLikelihood/0',
      '/redirect/window/highLikelihood',
    ]);
    expect(problems[1]?.message).toContain('delivered can never be in a window');
    expect(problems[3]?.message).toBe('in_transit is listed twice');
    expect(problems[4]?.message).toBe('in_transit is also listed as high likelihood');
    expect(problems[5]?.message).toBe('must be a list, or an object with add and remove');
  });

  it('checks categories', () => {
    expect(
      pointers({ intercept: { excludedCategories: ['tea', '', '  ', 7, 'x'.repeat(65)] } }),
    ).toEqual([
      '/intercept/excludedCategories/1',
      '/intercept/excludedCategories/2',
      '/intercept/excludedCategories/3',
      '/intercept/excludedCategories/4',
    ]);
  });

  it('points at the bad field of each value limit', () => {
    const problems = validatePolicyOverrides({
      intercept: {
        declaredValueLimits: [
          { amount: 1000, currency: 'CNY' },
          { amount: '1000.00', currency: 'cny' },
          { amount: '-5', currency: 'USD', note: 'x' },
          { amount: '10', currency: 'CNY' },
          'CNY 1000',
        ],
      },
    });
    expect(problems).toEqual([
      {
        pointer: '/intercept/declaredValueLimits/0/amount',
        message: 'must be a decimal string such as "1000.00"',
      },
      {
        pointer: '/intercept/declaredValueLimits/1/currency',
        message: 'must be an ISO 4217 code such as "CNY"',
      },
      { pointer: '/intercept/declaredValueLimits/2/note', message: 'is not a policy setting' },
      {
        pointer: '/intercept/declaredValueLimits/2/amount',
        message: 'must be a decimal string such as "1000.00"',
      },
      { pointer: '/intercept/declaredValueLimits/3/currency', message: 'one limit per currency' },
      { pointer: '/intercept/declaredValueLimits/4', message: 'must be an object' },
    ]);
  });

  it('escapes rate pairs in pointers (RFC 6901) and checks keys and values', () => {
    const problems = validatePolicyOverrides({
      intercept: {
        exchangeRates: { 'USD/CNY': '0', 'CNY/CNY': '1', usd: '7.1', 'EUR/CNY': 7.7, 'a~b': '1' },
      },
    });
    expect(problems.map((p) => p.pointer)).toEqual([
      '/intercept/exchangeRates/USD~1CNY',
      '/intercept/exchangeRates/CNY~1CNY',
      '/intercept/exchangeRates/usd',
      '/intercept/exchangeRates/EUR~1CNY',
      '/intercept/exchangeRates/a~0b',
    ]);
    expect(problems[0]?.message).toContain('above zero');
    expect(problems[1]?.message).toContain('two currencies');
    expect(pointers({ intercept: { exchangeRates: [] } })).toEqual(['/intercept/exchangeRates']);
  });

  it('checks the redirect quota and what happens beyond it', () => {
    for (const bad of [-1, 1.5, '1', Number.NaN, null]) {
      expect(pointers({ redirect: { freePerOrder: bad } })).toEqual(['/redirect/freePerOrder']);
    }
    expect(validatePolicyOverrides({ redirect: { whenFreeUsed: 'free' } })).toEqual([
      { pointer: '/redirect/whenFreeUsed', message: "must be 'charge' or 'refuse'" },
    ]);
  });

  it('reports every problem at once', () => {
    expect(
      pointers({
        intercept: {
          declaredValueLimits: [{ amount: 'x', currency: 'CNY' }],
          exchangeRates: { X: '1' },
        },
        redirect: { freePerOrder: -1, whenFreeUsed: 'never' },
      }),
    ).toHaveLength(4);
  });

  it('accepts { add, remove } for every list and the rate table', () => {
    expect(
      validatePolicyOverrides({
        intercept: {
          window: {
            highLikelihood: { remove: ['picked_up'] },
            lowLikelihood: { add: ['out_for_delivery'] },
          },
          excludedCategories: { add: ['electronics'], remove: ['tea'] },
          declaredValueLimits: { add: [{ amount: '500.00', currency: 'CNY' }], remove: ['USD'] },
          exchangeRates: { add: { 'USD/CNY': '7.10' }, remove: ['EUR/CNY'] },
        },
        redirect: { window: { lowLikelihood: { remove: ['exception'] } } },
      }),
    ).toEqual([]);
  });

  it('points into add and remove', () => {
    const problems = validatePolicyOverrides({
      intercept: {
        window: { highLikelihood: { add: ['delivered'], remove: ['flying'], keep: [] } },
        excludedCategories: { add: [''], remove: [7] },
        declaredValueLimits: { add: [{ amount: 'x', currency: 'CNY' }], remove: ['cny'] },
        exchangeRates: { add: { 'USD/CNY': '0' }, remove: ['USD'] },
      },
    });
    expect(problems.map((p) => p.pointer)).toEqual([
      '/intercept/window/highLikelihood/keep',
      '/intercept/window/highLikelihood/add/0',
      '/intercept/window/highLikelihood/remove/0',
      '/intercept/excludedCategories/add/0',
      '/intercept/excludedCategories/remove/0',
      '/intercept/declaredValueLimits/add/0/amount',
      '/intercept/declaredValueLimits/remove/0',
      '/intercept/exchangeRates/add/USD~1CNY',
      '/intercept/exchangeRates/remove/0',
    ]);
    expect(pointers({ intercept: { excludedCategories: 'tea' } })).toEqual([
      '/intercept/excludedCategories',
    ]);
  });

  it('names a status that the merge would put in both parts of a window', () => {
    const problems = validatePolicyOverrides({
      intercept: { window: { highLikelihood: { add: ['exception'] } } },
      redirect: {
        window: { highLikelihood: ['picked_up', 'in_transit', 'at_destination_facility'] },
      },
    });
    expect(problems.map((p) => p.pointer)).toEqual([
      '/intercept/window/highLikelihood/add/0',
      '/redirect/window/highLikelihood/2',
    ]);
    expect(problems[0]?.message).toContain('exception is also in lowLikelihood');
    expect(problems[0]?.message).toContain('remove');
    // Moving a status: add it on one side and remove it on the other.
    expect(
      validatePolicyOverrides({
        intercept: {
          window: {
            highLikelihood: { add: ['exception'] },
            lowLikelihood: { remove: ['exception'] },
          },
        },
      }),
    ).toEqual([]);
  });

  it('checks severities rule by rule', () => {
    expect(
      validatePolicyOverrides({
        intercept: {
          severity: {
            statusWindow: 'warn',
            lastMile: 'refuse',
            alreadyIntercepted: 'refuse',
            excludedCategories: 'refuse',
            declaredValueLimits: 'warn',
          },
        },
        redirect: { severity: { statusWindow: 'warn', lastMile: 'refuse' } },
      }),
    ).toEqual([]);
    const problems = validatePolicyOverrides({
      intercept: { severity: { lastMile: 'block', alreadyIntercepted: 'warn', fees: 'warn' } },
      redirect: { severity: { excludedCategories: 'warn' } },
    });
    expect(problems.map((p) => p.pointer)).toEqual([
      '/intercept/severity/fees',
      '/intercept/severity/lastMile',
      '/intercept/severity/alreadyIntercepted',
      '/redirect/severity/excludedCategories',
    ]);
    expect(problems[1]?.message).toBe("must be 'refuse' or 'warn'");
    expect(problems[2]?.message).toContain('one live intercept');
  });
});
