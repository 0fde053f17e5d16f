import type { RequestOptionField } from '@parcelgate/carrier-kit';
import { type ConformanceOperation, cancelledAction, quotedAction } from '../operations.ts';
import type { ConformanceCheck } from './conformance-check.ts';
import { createCheckReport } from './conformance-check.ts';

const TITLE = 'reads only the carrierOptions it declares, and uses every one it declares';

/** Names tooling looks up on any object (JSON.stringify, await), not an adapter's reads. */
const NOT_READS: ReadonlySet<string> = new Set(['toJSON', 'then']);

/**
 * Runs each claimed operation with `carrierOptions` holding a valid value of every option
 * declared for it (its `example`, or its first allowed value), watching which keys the
 * adapter reads. Reading an undeclared key is a problem whatever the outcome: the gateway
 * refuses undeclared keys, so such a read either never sees a value or takes one the
 * merchant's connection should have given (a payer, an address). A declared key the
 * operation never reads, although it succeeded, is declared for nothing. Well-formed
 * declarations themselves are the definition check's (carrier-kit's own load-time check).
 */
export const requestOptionsCheck: ConformanceCheck = {
  id: 'request-options',
  title: TITLE,
  appliesTo: () => true,
  async run(harness) {
    const report = createCheckReport(TITLE, harness);
    const declared = Array.isArray(harness.carrier.requestOptions)
      ? harness.carrier.requestOptions
      : [];
    for (const operation of harness.operations) {
      const optionsOf = optionsOperation(operation, harness.carrier.capabilities);
      const fields = declared.filter((field) => field.operations.includes(optionsOf));
      const values: Record<string, string> = {};
      for (const field of fields) {
        const value = sampleValue(field);
        if (value === undefined) {
          report.skipped(
            `requestOptions ${field.key} has no example or values, so ${operation} was run without it`,
          );
        } else {
          values[field.key] = value;
        }
      }
      const reads = new Set<string>();
      report.ran();
      const attempt = await harness.attempt(operation, {
        carrierOptions: recordingReads(values, reads),
      });
      const allowed = new Set(fields.map((field) => field.key));
      for (const key of reads) {
        if (!allowed.has(key)) {
          report.problem(
            `${operation} read carrierOptions.${key}, which requestOptions does not declare for ${optionsOf}`,
          );
        }
      }
      // A cancel or a quote may take its action's options, but need not use them.
      const unread =
        optionsOf === operation ? Object.keys(values).filter((key) => !reads.has(key)) : [];
      if (unread.length > 0 && attempt.settlement.status === 'fulfilled') {
        report.problem(
          ...unread.map(
            (key) =>
              `${operation} succeeded without reading carrierOptions.${key}, which requestOptions declares for it`,
          ),
        );
      } else if (unread.length > 0) {
        report.skipped(
          `${operation} failed before reading ${unread.join(', ')}; whether it uses them is untested`,
        );
      }
    }
    return report.finish();
  },
};

/**
 * The operation whose declared options a request may carry: its own, or for a cancel the
 * cancelled action's and for a fee quote the quoted action's (`CancelRequest`,
 * `FeeQuoteRequest`).
 */
function optionsOperation(
  operation: ConformanceOperation,
  capabilities: Parameters<typeof quotedAction>[0],
): RequestOptionField['operations'][number] {
  switch (operation) {
    case 'cancelIntercept':
    case 'cancelRedirect':
      return cancelledAction(operation);
    case 'quoteFee':
      return quotedAction(capabilities);
    default:
      return operation;
  }
}

/** A value the declaration accepts: its example, else its first allowed value. */
function sampleValue(field: RequestOptionField): string | undefined {
  return field.example ?? field.values?.[0];
}

/**
 * The options as a read-only object that notes every string key looked up or tested with
 * `in`, present or not: `options.payMode ?? fallback` reads `payMode` even when absent.
 */
function recordingReads(
  values: Readonly<Record<string, string>>,
  reads: Set<string>,
): Readonly<Record<string, string>> {
  const note = (key: string | symbol): void => {
    if (typeof key === 'string' && !NOT_READS.has(key) && !(key in Object.prototype)) {
      reads.add(key);
    }
  };
  return new Proxy(Object.freeze({ ...values }), {
    get(target, key, receiver) {
      note(key);
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      note(key);
      return Reflect.has(target, key);
    },
    getOwnPropertyDescriptor(target, key) {
      note(key);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
  });
}
