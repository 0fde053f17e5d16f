import type { RouteIdentity } from '../carrier-module.ts';

/** The waybill-instruction codes of `EXP_RECE_WANTED_INTERCEPT` and what they are. */
const INSTRUCTIONS: ReadonlyMap<unknown, string> = new Map([
  ['1', 'redirect'],
  ['2', 'intercept'],
]);

/**
 * What a request to SF's one gateway is about, read from its form before anything is
 * checked: `EXP_RECE_SEARCH_ROUTES` is a `track` of its first waybill (a query naming
 * several is counted and faulted by the first), `EXP_RECE_WANTED_INTERCEPT` an
 * `intercept` (serviceCode 2, 退回) or a `redirect` (1, 转寄) of its `waybillNo`, or with
 * `cancel: true` a `cancelIntercept` or `cancelRedirect`. Anything
 * else, or an unreadable `msgData`, is undefined: the gateway's generic route answers it.
 */
export function identifySfRequest(body: Buffer): RouteIdentity | undefined {
  const form = new URLSearchParams(body.toString('utf8'));
  const msgData = parseObject(form.get('msgData'));
  if (msgData === undefined) {
    return undefined;
  }
  switch (form.get('serviceCode')) {
    case 'EXP_RECE_SEARCH_ROUTES': {
      const numbers = msgData.trackingNumber;
      return {
        operation: 'track',
        trackingNumber: textOf(Array.isArray(numbers) ? numbers[0] : undefined),
      };
    }
    case 'EXP_RECE_WANTED_INTERCEPT': {
      const instruction = INSTRUCTIONS.get(msgData.serviceCode);
      if (instruction === undefined) {
        return undefined;
      }
      // `cancel: true` withdraws an earlier instruction of that serviceCode.
      const operation =
        msgData.cancel === true
          ? instruction === 'intercept'
            ? 'cancelIntercept'
            : 'cancelRedirect'
          : instruction;
      return { operation, trackingNumber: textOf(msgData.waybillNo) };
    }
    default:
      return undefined;
  }
}

function parseObject(text: string | null): Readonly<Record<string, unknown>> | undefined {
  if (text === null) {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
