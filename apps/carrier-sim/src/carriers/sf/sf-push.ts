import { randomUUID } from 'node:crypto';
import type { ParcelChange, PushMessage, PushTarget } from '../../push/push-types.ts';
import type { CarrierWorld } from '../carrier-module.ts';
import { sfRouteOf } from './sf-codes.ts';
import { SF_SIM_CHECKWORD, SF_SIM_PARTNER_ID } from './sf-gateway.ts';
import { formatSfTime } from './sf-routes.ts';
import { sfMsgDigest } from './sf-signature.ts';

/**
 * Route pushes (RoutePushService): the new routes of a parcel, signed like SF's gateway
 * requests: a form with `partnerID, requestID, serviceCode, timestamp (seconds),
 * msgDigest, msgData`, msgData being `{"Body":{"WaybillRoute":[{mailno, acceptTime,
 * acceptAddress, remark, opCode, ...}]}}`. Signed with the target's `secret` (the
 * receiver's checkword), or the simulator partner's checkword when the target has none.
 * SF expects `{"return_code":"0000",...}` back; anything else is recorded as not
 * acknowledged. Nothing is pushed without a target, nor for events SF shows no route for.
 */
export function renderSfPushes(
  change: ParcelChange,
  world: CarrierWorld,
  target: PushTarget | undefined,
): readonly PushMessage[] {
  if (target === undefined) {
    return [];
  }
  const { parcel } = change;
  const waybillRoutes = [];
  for (const event of change.newEvents) {
    const code = sfRouteOf(event);
    if (code === null) {
      continue;
    }
    waybillRoutes.push({
      id: String(world.parcels.nextSequence('sf:route')),
      mailno: parcel.trackingNumber,
      orderid: parcel.trackingNumber,
      acceptTime: formatSfTime(event.at),
      acceptAddress: event.location.city,
      remark: code.remark,
      opCode: code.opCode,
    });
  }
  if (waybillRoutes.length === 0) {
    return [];
  }
  const msgData = JSON.stringify({ Body: { WaybillRoute: waybillRoutes } });
  const timestamp = String(Math.floor(world.now() / 1000));
  const body = new URLSearchParams({
    partnerID: SF_SIM_PARTNER_ID,
    requestID: randomUUID(),
    serviceCode: 'RoutePushService',
    timestamp,
    msgDigest: sfMsgDigest(msgData, timestamp, target.secret ?? SF_SIM_CHECKWORD),
    msgData,
  }).toString();
  return [
    {
      url: target.url,
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body,
      acknowledged: isAcknowledged,
    },
  ];
}

function isAcknowledged(status: number, body: string): boolean {
  if (status !== 200) {
    return false;
  }
  try {
    const answer: unknown = JSON.parse(body);
    return (
      typeof answer === 'object' &&
      answer !== null &&
      (answer as { return_code?: unknown }).return_code === '0000'
    );
  } catch {
    return false;
  }
}
