import type { ParcelChange, PushMessage, PushTarget } from '../../push/push-types.ts';
import type { CarrierWorld } from '../carrier-module.ts';
import { upsPushStatusOf } from './ups-codes.ts';
import { UPS_PUSH_OFFSET, upsWireTime } from './ups-time.ts';

/** The client id Track Alert names in `x-api-key` (the simulated webhook credential's). */
export const UPS_SIM_WEBHOOK_CLIENT = 'ups-sim-webhook-client';

/**
 * Track Alert pushes (UPSTrackAlert.yaml, webhooks.TrackingEvent): one POST per new event,
 * with `User-Agent: UPSPubSubTrackingService`, `x-api-key` and the credential the
 * receiver configured (the push target's `secret`) as `Authorization: Bearer`. Track
 * Alert wants only an HTTP 200 back. Nothing is pushed without a target.
 */
export function renderUpsPushes(
  change: ParcelChange,
  _world: CarrierWorld,
  target: PushTarget | undefined,
): readonly PushMessage[] {
  if (target === undefined) {
    return [];
  }
  const { parcel } = change;
  return change.newEvents.map((event) => {
    const time = upsWireTime(event.at);
    const { type, code, statusCode, description } = upsPushStatusOf(event);
    const delivered = type === 'D' && code === 'FS';
    const body = {
      trackingNumber: parcel.trackingNumber,
      localActivityDate: time.date,
      localActivityTime: time.time,
      activityLocation: {
        city: event.location.city,
        stateProvince: event.location.region,
        postalCode: event.location.postalCode,
        country: event.location.country,
      },
      activityStatus: {
        type,
        code,
        description,
        ...(statusCode === undefined ? {} : { descriptionCode: statusCode }),
      },
      gmtActivityDate: time.gmtDate,
      gmtActivityTime: time.gmtTime,
      gmtOffset: UPS_PUSH_OFFSET,
      ...(delivered ? { actualDeliveryDate: time.date, actualDeliveryTime: time.time } : {}),
    };
    return {
      url: target.url,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'UPSPubSubTrackingService',
        'x-api-key': UPS_SIM_WEBHOOK_CLIENT,
        authorization: `Bearer ${target.secret ?? ''}`,
      },
      body: JSON.stringify(body),
      acknowledged: (status: number) => status === 200,
    };
  });
}
