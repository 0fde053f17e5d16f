import { describe, expect, it } from 'vitest';
import { ACME_CREDENTIALS, createAcmeCarrier } from '../__fixtures__/acme-carrier.ts';
import { ACME_BASE_URL, acmeFixtures } from '../__fixtures__/acme-fixtures.ts';
import { StagingUnsupportedError } from '../environment.ts';
import { createMswEnvironment } from '../environments/msw-environment.ts';
import { createConformanceHarness } from '../harness.ts';
import { createCheckReport, stageOrSkip } from './conformance-check.ts';

const harness = createConformanceHarness({
  carrier: createAcmeCarrier(),
  credentials: ACME_CREDENTIALS,
  documentedStatusCodes: ['CR'],
  environment: createMswEnvironment({ baseUrl: ACME_BASE_URL, fixtures: acmeFixtures }),
});

describe('createCheckReport', () => {
  it('summarises a pass with the number of scenarios run', () => {
    const report = createCheckReport('does things', harness);
    report.ran();
    report.ran();
    expect(report.finish()).toEqual({
      problems: [],
      summary: 'does things: 2 scenario(s) passed in the msw environment',
    });
  });

  it('collapses repeated problems and redacts every credential value', () => {
    const report = createCheckReport('does things', harness);
    report.ran();
    report.problem(
      `leaked ${ACME_CREDENTIALS.apiKey}`,
      `leaked ${ACME_CREDENTIALS.apiKey}`,
      'other',
    );
    const outcome = report.finish();
    expect(outcome.problems).toEqual(['leaked [REDACTED] (2 times)', 'other']);
    expect(outcome.summary).toBe(
      'does things: 2 problem(s) in the msw environment\n  - leaked [REDACTED] (2 times)\n  - other',
    );
  });

  it('skips the whole check when nothing could be staged, never passing it', () => {
    const report = createCheckReport('does things', harness);
    report.skipped('cannot stage X');
    expect(report.finish()).toMatchObject({
      problems: [],
      skipped: ['cannot stage X'],
      skip: 'cannot stage X',
    });
  });
});

describe('stageOrSkip', () => {
  it('records an unstageable scenario as skipped and rethrows anything else', async () => {
    const report = createCheckReport('does things', harness);
    const skipped = await stageOrSkip(report, async () => {
      throw new StagingUnsupportedError('no journey shows "RD"');
    });
    expect(skipped).toBeUndefined();
    await expect(
      stageOrSkip(report, async () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    expect(await stageOrSkip(report, async () => 42)).toBe(42);
    expect(report.finish()).toMatchObject({ skipped: ['no journey shows "RD"'] });
    expect(report.finish().skip).toBeUndefined();
  });
});
