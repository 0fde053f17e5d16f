import { admitAccount } from '../../model/accounts.ts';
import {
  activeIntercept,
  type CancelRefusal,
  cancelIntercept,
  cancelRedirect,
} from '../../model/cancel-actions.ts';
import { DEFAULT_INTERCEPT_POLICY } from '../../model/intercept-policy.ts';
import type { InterceptRefusal } from '../../model/intercept-rules.ts';
import type { Address } from '../../model/parcel.ts';
import { interceptParcel, redirectParcel } from '../../model/parcel-actions.ts';
import type { CarrierWorld } from '../carrier-module.ts';
import type { CarrierResponse } from '../carrier-response.ts';
import { sfBusinessError, sfGatewayError, sfSuccess } from './sf-envelope.ts';
import type { SfServiceRequest } from './sf-service.ts';

/** Pay modes billed to a monthly account: `monthlyCardNo` is required with them. */
const MONTHLY_PAY_MODES: ReadonlySet<string> = new Set(['3', '4']);

/**
 * Refusal answers. `8016` (重复下单/重复操作) is SF's; the window refusals share `8024`, the
 * simulator's choice (SF's own codes for them are UNCONFIRMED), so the adapter must read
 * the reason from the message, as it does for real answers.
 */
const REFUSALS: Readonly<Record<InterceptRefusal, readonly [code: string, message: string]>> = {
  already_intercepted: ['8016', '重复操作: 该运单已有截单转寄/退回指令,每票仅可拦截一次'],
  not_picked_up: ['8024', '运单未揽收,不能办理截单转寄'],
  out_for_delivery: ['8024', '快件派送中,不能办理截单转寄'],
  delivered: ['8024', '快件已签收,不能办理截单转寄'],
  returning_or_returned: ['8024', '快件已退回,不能办理截单转寄'],
  cancelled: ['8024', '运单已取消'],
  category_excluded: ['8024', '托寄物类型不支持截单转寄'],
  declared_value_over_limit: ['8024', '声明价值超出可拦截上限'],
  intercept_failed: ['8024', '网点未能拦截快件'],
};

/**
 * An instruction on a waybill another partner shipped. Neither carriers.md nor anything
 * SF publishes that we found documents a code for "waybill not belonging to this
 * customer" (only `8016` is confirmed among the business codes). The documented generic
 * refusal of a partner's right to act is the gateway's `A1004` 无对应服务权限 ("no
 * permission for this service", carriers.md §5.1; packages/carrier-sf README), so that is
 * the answer: a gateway-level refusal, `apiResultData` null, before the service acts.
 */
function notPartnersWaybill(): CarrierResponse {
  return sfGatewayError('A1004', '无对应服务权限');
}

/**
 * Refusals of a cancel (`cancel: true`): `8024` with SF-style text, the simulator's choice
 * as for the other refusals (SF publishes no codes for them).
 */
const CANCEL_REFUSALS: Readonly<Record<CancelRefusal, string>> = {
  nothing_to_cancel: '无可取消的截单转寄/退回指令',
  already_cancelled: '该指令已取消',
  returning_or_returned: '快件已退回,指令已执行,不能取消',
  out_for_delivery: '快件派送中,不能取消指令',
  delivered: '快件已签收,不能取消指令',
};

/** The fee SF quotes for a redirect (转寄 is billed as a new leg). */
const REDIRECT_FEE = '12.00';

/**
 * `EXP_RECE_WANTED_INTERCEPT`: serviceCode 2 (退回) through the shared model's
 * `interceptParcel`, serviceCode 1 (转寄) through `redirectParcel`; both need
 * `newDestAddress`. Success answers `{cusId}` (the instruction's id), plus `amount` for a
 * redirect. `cancel: true` withdraws the instruction named by `cusId` (退回 or 转寄, by
 * serviceCode) while it is not executed: an intercept until the parcel turns back, a
 * redirect until it is out for delivery; answered `{cusId}`, or `8024` when too late.
 * Another partner's waybill is refused with `A1004` whatever the instruction.
 */
export function handleSfWantedIntercept(
  service: SfServiceRequest,
  world: CarrierWorld,
): CarrierResponse {
  const { waybillNo, serviceCode, payMode, monthlyCardNo, newDestAddress, cancel, cusId } =
    service.msgData;
  if (typeof waybillNo !== 'string' || waybillNo === '') {
    return sfBusinessError('1010', '参数校验失败: waybillNo 不能为空');
  }
  if (serviceCode !== '1' && serviceCode !== '2') {
    return sfBusinessError('1010', '参数校验失败: serviceCode 仅支持 1 (转寄) 和 2 (退回)');
  }
  const parcel = world.parcels.get('sf', waybillNo);
  if (parcel === undefined) {
    return sfBusinessError('8018', '运单不存在');
  }
  const operation =
    cancel === true
      ? serviceCode === '2'
        ? 'cancelIntercept'
        : 'cancelRedirect'
      : serviceCode === '2'
        ? 'intercept'
        : 'redirect';
  if (!admitAccount(world, parcel, service.partnerId, operation)) {
    return notPartnersWaybill();
  }
  if (cancel === true) {
    const id = typeof cusId === 'string' && cusId !== '' ? cusId : undefined;
    const outcome =
      serviceCode === '2'
        ? cancelIntercept(parcel, id, world.now())
        : cancelRedirect(parcel, id, world.now());
    return outcome.cancelled
      ? sfSuccess({ cusId: outcome.withdrawn.id })
      : sfBusinessError('8024', CANCEL_REFUSALS[outcome.refusal]);
  }
  if (
    typeof payMode === 'string' &&
    MONTHLY_PAY_MODES.has(payMode) &&
    typeof monthlyCardNo !== 'string'
  ) {
    return sfBusinessError('1010', '参数校验失败: 月结支付须填写 monthlyCardNo');
  }
  const destination = readAddress(newDestAddress);
  if (destination === undefined) {
    return sfBusinessError('1010', '参数校验失败: newDestAddress 须含 province, city, address');
  }
  const newId = () => `SFI${String(world.parcels.nextSequence('sf:instruction')).padStart(9, '0')}`;
  if (serviceCode === '2') {
    const outcome = interceptParcel(
      parcel,
      { reference: waybillNo, reason: 'OTHER', newId },
      { policy: DEFAULT_INTERCEPT_POLICY, seed: world.seed, now: world.now() },
    );
    if (!outcome.accepted) {
      const [code, message] = REFUSALS[outcome.refusal];
      return sfBusinessError(code, message);
    }
    world.parcels.addIntercept('sf', outcome.intercept.id, parcel);
    return sfSuccess({ cusId: outcome.intercept.id });
  }
  // A parcel can be redirected as often as the window allows, but not once intercepted:
  // SF intercepts (退回 or 转寄) a waybill once.
  const outcome = redirectParcel(parcel, { reference: waybillNo, destination, newId }, world.now());
  if (!outcome.accepted) {
    const [code, message] =
      activeIntercept(parcel) !== null ? REFUSALS.already_intercepted : REFUSALS[outcome.refusal];
    return sfBusinessError(code, message);
  }
  return sfSuccess({ cusId: outcome.redirect.id, amount: REDIRECT_FEE });
}

function readAddress(value: unknown): Address | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const { province, city, county, address, contact, phone } = value as Record<string, unknown>;
  if (typeof province !== 'string' || typeof city !== 'string' || typeof address !== 'string') {
    return undefined;
  }
  if (province === '' || city === '' || address === '') {
    return undefined;
  }
  return {
    city,
    region: province,
    postalCode: '',
    country: 'CN',
    name: typeof contact === 'string' ? contact : null,
    phone: typeof phone === 'string' ? phone : null,
    line1: typeof county === 'string' && county !== '' ? `${county}${address}` : address,
    line2: null,
  };
}
