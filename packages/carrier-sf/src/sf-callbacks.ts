import {
  type CallbackOutcome,
  type CallbackTrackingEvent,
  CarrierAuthenticationError,
  type CarrierCallbackContext,
  type CarrierCallbackRequest,
  type CarrierCallbacks,
  CarrierInvalidRequestError,
  type TrackingEvent,
} from '@parcelgate/carrier-kit';
import { readSfCredentials, SF_CARRIER_ID } from './sf-credentials.ts';
import { computeSfMsgDigest, computeUnencodedSfMsgDigest, digestsEqual } from './sf-msg-digest.ts';
import { toSfTrackingEvents } from './sf-route-events.ts';
import { asRecord, optionalText, parseSfRoute, type SfRoute } from './sf-wire.ts';

/**
 * What SF expects back from a route push receiver in JSON mode (RoutePushService):
 * `return_code` 0000 for success (1000 for failure, which makes SF push again).
 */
export const SF_PUSH_ACKNOWLEDGEMENT = {
  status: 200,
  contentType: 'application/json;charset=UTF-8',
  body: JSON.stringify({ return_code: '0000', return_msg: '成功' }),
} as const;

/**
 * Verifies and parses SF's route pushes (路由推送, RoutePushService). The push is the
 * signed form SF's gateway speaks (`partnerID, requestID, serviceCode, timestamp,
 * msgDigest, msgData`), `msgData` holding `{"Body":{"WaybillRoute":[...]}}` (or the
 * `WaybillRoute` list without `Body`), each route `{mailno, acceptTime, acceptAddress,
 * remark, opCode, ...}`. The digest is checked against the checkword in constant time,
 * computed SF's way (URL-encoded first) or, as some receivers check it, without encoding;
 * an unsigned push (SF's JSON mode signs nothing) is refused, since anyone could send it.
 */
export const sfCallbacks: CarrierCallbacks = {
  async handle(ctx, request) {
    const form = readForm(request);
    verify(ctx, form);
    const routes = readRoutes(form.msgData);
    const events = toEvents(routes);
    return { events, outcomes: toOutcomes(events), acknowledgement: SF_PUSH_ACKNOWLEDGEMENT };
  },
};

interface SignedForm {
  readonly msgData: string;
  readonly timestamp: string;
  readonly msgDigest: string;
}

function readForm(request: CarrierCallbackRequest): SignedForm {
  const fields = new URLSearchParams(request.rawBody);
  const msgData = fields.get('msgData');
  const timestamp = fields.get('timestamp');
  const msgDigest = fields.get('msgDigest');
  if (msgDigest === null || msgDigest === '' || timestamp === null || msgData === null) {
    throw new CarrierAuthenticationError({
      carrierId: SF_CARRIER_ID,
      message: 'sf push carries no msgDigest/timestamp/msgData: unsigned pushes are not accepted',
    });
  }
  return { msgData, timestamp, msgDigest };
}

function verify(ctx: CarrierCallbackContext, form: SignedForm): void {
  const { checkword } = readSfCredentials(ctx.credentials);
  // Both candidates are always computed and compared, so timing does not tell which failed.
  const encoded = digestsEqual(
    form.msgDigest,
    computeSfMsgDigest(form.msgData, form.timestamp, checkword),
  );
  const plain = digestsEqual(
    form.msgDigest,
    computeUnencodedSfMsgDigest(form.msgData, form.timestamp, checkword),
  );
  if (!encoded && !plain) {
    throw new CarrierAuthenticationError({
      carrierId: SF_CARRIER_ID,
      message: 'sf push msgDigest does not match the configured checkword',
    });
  }
}

interface PushedRoute {
  readonly mailNo: string;
  readonly route: SfRoute;
}

function readRoutes(msgData: string): PushedRoute[] {
  try {
    const document = asRecord(JSON.parse(msgData), 'push msgData');
    const body = document.Body === undefined ? document : asRecord(document.Body, 'push Body');
    const list = body.WaybillRoute;
    if (!Array.isArray(list)) {
      throw new TypeError('sf push has no WaybillRoute list');
    }
    return list.map((item: unknown) => {
      const record = asRecord(item, 'WaybillRoute[]');
      // The push spells it `mailno`; the route query `mailNo`.
      const mailNo = optionalText(record.mailno) ?? optionalText(record.mailNo);
      if (mailNo === undefined) {
        throw new TypeError('sf WaybillRoute has no mailno');
      }
      return { mailNo, route: parseSfRoute(record) };
    });
  } catch (error) {
    throw new CarrierInvalidRequestError({
      carrierId: SF_CARRIER_ID,
      field: 'msgData',
      cause: error,
      message: `sf push msgData could not be read: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

function toEvents(routes: readonly PushedRoute[]): CallbackTrackingEvent[] {
  const byWaybill = new Map<string, SfRoute[]>();
  for (const { mailNo, route } of routes) {
    byWaybill.set(mailNo, [...(byWaybill.get(mailNo) ?? []), route]);
  }
  const events: CallbackTrackingEvent[] = [];
  for (const [trackingNumber, waybillRoutes] of byWaybill) {
    let converted: TrackingEvent[];
    try {
      converted = toSfTrackingEvents(waybillRoutes);
    } catch (error) {
      throw new CarrierInvalidRequestError({
        carrierId: SF_CARRIER_ID,
        field: 'acceptTime',
        cause: error,
        message: 'sf push has a route whose acceptTime is not a date-time',
      });
    }
    events.push(...converted.map((event) => ({ trackingNumber, event })));
  }
  return events;
}

/**
 * Outcomes the routes prove: a return under way or completed moves an open intercept
 * (`returning`, `returned`); a delivery completes an open redirect (SF delivers a
 * redirected parcel at its new address). The gateway matches them to open intercepts and
 * redirects by tracking number, since SF's pushes carry no reference of ours.
 */
function toOutcomes(events: readonly CallbackTrackingEvent[]): CallbackOutcome[] {
  const outcomes: CallbackOutcome[] = [];
  for (const { trackingNumber, event } of events) {
    if (event.status === 'return_in_transit' || event.status === 'returned') {
      const outcome = event.status === 'returned' ? 'returned' : 'returning';
      outcomes.push({
        operation: 'intercept',
        trackingNumber,
        result: { outcome, message: event.description },
      });
    } else if (event.status === 'delivered') {
      outcomes.push({
        operation: 'redirect',
        trackingNumber,
        result: { outcome: 'redirected', message: event.description },
      });
    }
  }
  return outcomes;
}
