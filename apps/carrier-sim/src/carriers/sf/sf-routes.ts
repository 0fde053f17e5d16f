import { admitAccount } from '../../model/accounts.ts';
import type { Parcel } from '../../model/parcel.ts';
import type { CarrierWorld } from '../carrier-module.ts';
import type { CarrierResponse } from '../carrier-response.ts';
import { sfRouteOf } from './sf-codes.ts';
import { sfBusinessError, sfSuccess } from './sf-envelope.ts';
import type { SfServiceRequest } from './sf-service.ts';
import { sfRecipientPhoneDigits } from './sf-tracking-number.ts';

/**
 * Parcels of this category are "not the partner's own orders": SF asks for checkPhoneNo,
 * as it does for a parcel another partner shipped (an account-owned parcel).
 */
export const SF_PHONE_CHECK_CATEGORY = 'sf_phone_check';

/** SF answers at most 10 waybills per route query. */
const MAX_NUMBERS = 10;

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * `EXP_RECE_SEARCH_ROUTES` by waybill number (trackingType 1). Every waybill asked for gets
 * a `routeResps` entry; an unknown one, one SF shows nothing for yet, and a third-party
 * parcel asked without the right `checkPhoneNo` all get an empty `routes` list, as SF
 * shows no routes rather than an error. Third-party parcels are those of the
 * `sf_phone_check` category and those another partner shipped: SF shows "waybills outside
 * your own orders" only with the last four digits of a phone (carriers.md §5.2, SF 快递管家
 * doc), so the route query stays open to every partner, behind the phone check.
 */
export function handleSfRouteQuery(
  service: SfServiceRequest,
  world: CarrierWorld,
): CarrierResponse {
  const { trackingType, trackingNumber, checkPhoneNo } = service.msgData;
  if (trackingType !== '1' && trackingType !== 1) {
    return sfBusinessError('1010', '参数校验失败: trackingType 仅支持 1 (运单号)');
  }
  if (
    !Array.isArray(trackingNumber) ||
    trackingNumber.length === 0 ||
    trackingNumber.length > MAX_NUMBERS ||
    !trackingNumber.every((number) => typeof number === 'string')
  ) {
    return sfBusinessError('1010', '参数校验失败: trackingNumber 须为1到10个运单号');
  }
  const phone = typeof checkPhoneNo === 'string' ? checkPhoneNo : undefined;
  const routeResps = (trackingNumber as string[]).map((mailNo) => {
    const parcel = world.parcels.get('sf', mailNo);
    return {
      mailNo,
      routes:
        parcel === undefined || !mayShow(world, parcel, service.partnerId, phone)
          ? []
          : renderRoutes(parcel),
    };
  });
  return sfSuccess({ routeResps });
}

function mayShow(
  world: CarrierWorld,
  parcel: Parcel,
  partnerId: string,
  phone: string | undefined,
): boolean {
  const own = admitAccount(world, parcel, partnerId, 'track');
  return (
    (own && parcel.category !== SF_PHONE_CHECK_CATEGORY) ||
    phone === sfRecipientPhoneDigits(parcel.trackingNumber)
  );
}

/** The parcel's routes oldest first, as SF lists them. */
export function renderRoutes(parcel: Parcel): unknown[] {
  const routes: unknown[] = [];
  for (const event of parcel.events) {
    const code = sfRouteOf(event);
    if (code !== null) {
      routes.push({
        acceptTime: formatSfTime(event.at),
        acceptAddress: event.location.city,
        remark: code.remark,
        opCode: code.opCode,
      });
    }
  }
  return routes;
}

/** SF's `acceptTime`: `YYYY-MM-DD HH:mm:ss` in China time, no offset. */
export function formatSfTime(epochMs: number): string {
  return new Date(epochMs + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}
