/**
 * The example Prometheus alert rules (deploy/prometheus/alerts.yml, docs/observability.md)
 * name only metrics, labels and label values the gateway publishes: a gateway is built,
 * serves a tracking read and an intercept, and its /metrics is scraped and compared with
 * every selector of every rule. When `promtool` is on the PATH it checks the file too; it
 * is not on these machines, so the rules' shape is checked here as well.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createFakeCarrier } from '../support/fake-carrier.ts';
import { createTestGateway, type TestGateway } from '../support/test-app.ts';

const RULES_FILE = fileURLToPath(
  new URL('../../../../deploy/prometheus/alerts.yml', import.meta.url),
);

interface Rule {
  readonly alert?: unknown;
  readonly expr?: unknown;
  readonly for?: unknown;
  readonly labels?: Readonly<Record<string, unknown>>;
  readonly annotations?: Readonly<Record<string, unknown>>;
}

const groups = (parse(readFileSync(RULES_FILE, 'utf8')) as { groups: { rules: Rule[] }[] }).groups;
const rules = groups.flatMap((group) => group.rules);

/** Labels Prometheus adds to every scraped series, and the histogram's bucket bound. */
const ADDED_LABELS = new Set(['instance', 'job', 'le']);

/**
 * Labels whose values a healthy gateway may not have shown yet, with what a value must
 * look like: a status code the test did not provoke.
 */
const OPEN_VALUES: Readonly<Record<string, RegExp>> = { status: /^[1-5]\d\d$/ };

/** One sample of the scrape: its metric's name and its labels. */
interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
}

function samplesOf(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [, name = '', body = ''] = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? /.exec(line) ?? [];
      const labels = Object.fromEntries(
        [...body.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((match) => [match[1], match[2]]),
      );
      return { name, labels };
    });
}

/** Every `metric{matchers}` of a PromQL expression. */
function selectorsOf(expr: string) {
  return [...expr.matchAll(/\b(parcelgate_\w+)(?:\{([^}]*)\})?/g)].map((match) => ({
    series: match[1] ?? '',
    matchers: [...(match[2] ?? '').matchAll(/(\w+)\s*(=~|!=|!~|=)\s*"([^"]*)"/g)].map(
      (matcher) => ({ label: matcher[1] ?? '', op: matcher[2] ?? '', value: matcher[3] ?? '' }),
    ),
  }));
}

describe('deploy/prometheus/alerts.yml', () => {
  const { carrier, script } = createFakeCarrier();
  let gateway: TestGateway;
  let scrape: string;
  let samples: Sample[];

  beforeAll(async () => {
    // The fake carrier declares no limits: give its shared account some, so this replica's
    // share of them is published.
    gateway = await createTestGateway([carrier], {
      CARRIER_FAKE_REQUESTS_PER_SECOND: '50',
      CARRIER_FAKE_MAX_CONCURRENCY: '10',
    });
    script.parcels.set('FK700001', 'in_transit');
    const read = await gateway.app.inject({
      method: 'GET',
      url: '/v1/tracking/fake/FK700001',
      headers: gateway.auth.acme,
    });
    expect(read.statusCode).toBe(200);
    const intercept = await gateway.app.inject({
      method: 'POST',
      url: '/v1/intercepts',
      headers: { ...gateway.auth.acme, 'idempotency-key': 'alert-rules-1' },
      payload: {
        carrier: 'fake',
        trackingNumber: 'FK700001',
        reason: 'buyer_cancelled',
        pickupMode: 'platform_pickup',
      },
    });
    expect(intercept.statusCode).toBeLessThan(300);
    const metrics = await gateway.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    scrape = metrics.body;
    samples = samplesOf(scrape);
  });
  afterAll(() => gateway.close());

  it('gives every rule a name, an expression, a duration, a severity and what to tell', () => {
    expect(rules.length).toBeGreaterThanOrEqual(10);
    for (const rule of rules) {
      expect(rule.alert, JSON.stringify(rule)).toMatch(/^Parcelgate[A-Z]\w+$/);
      expect(typeof rule.expr, String(rule.alert)).toBe('string');
      expect(String(rule.for), String(rule.alert)).toMatch(/^\d+[smh]$/);
      expect(['page', 'ticket'], String(rule.alert)).toContain(rule.labels?.severity);
      expect(rule.annotations?.summary, String(rule.alert)).toBeTruthy();
      expect(rule.annotations?.description, String(rule.alert)).toBeTruthy();
    }
    const names = rules.map((rule) => rule.alert);
    expect(new Set(names).size).toBe(names.length);
  });

  it('names only metrics, labels and label values the gateway publishes', () => {
    const problems: string[] = [];
    for (const rule of rules) {
      const expr = String(rule.expr);
      const metrics = new Set<string>();
      for (const { series, matchers } of selectorsOf(expr)) {
        const histogram = /^(.*)_(bucket|count|sum)$/.exec(series)?.[1];
        const metric =
          histogram !== undefined && scrape.includes(`# TYPE ${histogram} histogram`)
            ? histogram
            : series;
        if (!scrape.includes(`# TYPE ${metric} `)) {
          problems.push(`${rule.alert}: no metric ${metric}`);
          continue;
        }
        metrics.add(metric);
        const ofSeries = samples.filter((sample) => sample.name === series);
        for (const { label, op, value } of matchers) {
          if (!ofSeries.some((sample) => label in sample.labels)) {
            problems.push(`${rule.alert}: ${series} has no label ${label}`);
          } else if (op === '=' && OPEN_VALUES[label] !== undefined) {
            if (!OPEN_VALUES[label].test(value)) {
              problems.push(`${rule.alert}: ${label}="${value}" is no value of ${label}`);
            }
          } else if (op === '=' && !ofSeries.some((sample) => sample.labels[label] === value)) {
            problems.push(`${rule.alert}: ${series} never has ${label}="${value}"`);
          }
        }
      }
      // Labels kept by `by (...)` and read by the annotations belong to those metrics.
      const labelsOfRule = new Set(
        samples
          .filter((sample) => [...metrics].some((metric) => sample.name.startsWith(metric)))
          .flatMap((sample) => Object.keys(sample.labels)),
      );
      const used = [
        ...[...expr.matchAll(/\bby\s*\(([^)]*)\)/g)].flatMap((match) =>
          (match[1] ?? '').split(',').map((label) => label.trim()),
        ),
        ...Object.values(rule.annotations ?? {}).flatMap((text) =>
          [...String(text).matchAll(/\$labels\.(\w+)/g)].map((match) => match[1] ?? ''),
        ),
      ];
      for (const label of used.filter((name) => !ADDED_LABELS.has(name))) {
        if (!labelsOfRule.has(label)) {
          problems.push(`${rule.alert}: its metrics have no label ${label}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('passes promtool check rules, when promtool is installed', () => {
    const which = spawnSync('promtool', ['--version']);
    if (which.error !== undefined) {
      return;
    }
    const check = spawnSync('promtool', ['check', 'rules', RULES_FILE], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
  });
});
