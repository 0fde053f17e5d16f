import { redactSecrets } from '@parcelgate/carrier-kit/wire';
import type { Fault } from '../environment.ts';
import type { ConformanceHarness } from '../harness.ts';
import type { CapturedLogLine } from '../test-context.ts';
import type { ConformanceCheck } from './conformance-check.ts';
import { createCheckReport } from './conformance-check.ts';

const TITLE = 'never puts a credential in an error message or a log line';

/** Shorter values would match ordinary words; carrier-kit's redaction uses the same floor. */
const MIN_SECRET_LENGTH = 4;
/** How deep to follow `cause` chains and log fields. */
const MAX_DEPTH = 8;

/**
 * Every credential value of four characters or more, secret or not (an account number
 * in a log line is still a leak), must be absent from every error the adapter threw (its
 * message, string fields and whole `cause` chain) and every line it logged. Runs the
 * operations and the main failures first, then scans all the suite observed so far.
 */
export const credentialsCheck: ConformanceCheck = {
  id: 'credentials',
  title: TITLE,
  appliesTo: () => true,
  async run(harness) {
    const report = createCheckReport(TITLE, harness);
    await exercise(harness);
    const secrets = Object.entries(harness.credentials).filter(
      ([, value]) => typeof value === 'string' && value.length >= MIN_SECRET_LENGTH,
    );
    if (secrets.length === 0) {
      report.skipped('no credential value has 4 characters or more, so none could be looked for');
      return report.finish();
    }
    const values = secrets.map(([, value]) => value);
    const { errors, logs } = harness.observed();
    report.ran();
    for (const error of errors) {
      for (const { path, text } of errorTexts(error)) {
        for (const [key, value] of secrets) {
          if (text.includes(value)) {
            report.problem(
              `credential "${key}" appears in a thrown error's ${path}: ${redactSecrets(text, values)}`,
            );
          }
        }
      }
    }
    for (const line of logs) {
      for (const { path, text } of logTexts(line)) {
        for (const [key, value] of secrets) {
          if (text.includes(value)) {
            report.problem(
              `credential "${key}" appears in a ${line.level} log line's ${path}: ${redactSecrets(text, values)}`,
            );
          }
        }
      }
    }
    return report.finish();
  },
};

/** Success and the failures most likely to echo a request: each claimed operation, once each. */
async function exercise(harness: ConformanceHarness): Promise<void> {
  const faults: readonly Fault[] = [
    { type: 'status', code: 401 },
    { type: 'status', code: 400 },
    { type: 'status', code: 500 },
    { type: 'rate_limit', retryAfter: 7 },
    ...(harness.environment.supports('htmlErrorPage')
      ? [{ type: 'status', code: 502, html: true } as const]
      : []),
    ...(harness.environment.supports('malformedBody') ? [{ type: 'malformed' } as const] : []),
    ...(harness.environment.supports('reset')
      ? [{ type: 'reset', when: 'after_read' } as const]
      : []),
  ];
  for (const operation of harness.operations) {
    await harness.attempt(operation);
    for (const fault of faults) {
      await harness.attempt(operation, { fault });
    }
    await harness.attempt(operation, { baseUrl: await harness.refusedBaseUrl() });
  }
}

interface Text {
  readonly path: string;
  readonly text: string;
}

/** The message and string fields of an error and of every error in its cause chain. */
export function errorTexts(error: unknown, prefix = ''): Text[] {
  if (typeof error === 'string') {
    return [{ path: `${prefix}value`, text: error }];
  }
  const texts: Text[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  let path = prefix;
  for (
    let depth = 0;
    depth < MAX_DEPTH && typeof current === 'object' && current !== null;
    depth += 1
  ) {
    if (seen.has(current)) {
      break;
    }
    seen.add(current);
    const fields = current as Record<string, unknown>;
    if (typeof fields.message === 'string') {
      texts.push({ path: `${path}message`, text: fields.message });
    }
    for (const [key, value] of Object.entries(fields)) {
      if (typeof value === 'string' && key !== 'message' && key !== 'stack') {
        texts.push({ path: `${path}${key}`, text: value });
      }
    }
    current = fields.cause;
    path = `${path}cause.`;
  }
  return texts;
}

/** The message and every string in a log line's fields, however deep (errors included). */
function logTexts(line: CapturedLogLine): Text[] {
  const texts: Text[] = [{ path: 'message', text: line.message }];
  const visit = (value: unknown, path: string, depth: number): void => {
    if (typeof value === 'string') {
      texts.push({ path, text: value });
    } else if (value instanceof Error) {
      // An Error's message is not enumerable: walk it like a thrown one.
      texts.push(...errorTexts(value, `${path}.`));
    } else if (typeof value === 'object' && value !== null && depth < MAX_DEPTH) {
      for (const [key, item] of Object.entries(value)) {
        visit(item, `${path}.${key}`, depth + 1);
      }
    }
  };
  visit(line.fields, 'fields', 0);
  return texts;
}
