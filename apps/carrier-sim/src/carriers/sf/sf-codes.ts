import type { ParcelEvent, ParcelEventKind } from '../../model/parcel.ts';
import type { ExceptionSubStatus } from '../../model/statuses.ts';

/** An SF route: opCode and the remark SF writes beside it. */
export interface SfRouteCode {
  readonly opCode: string;
  readonly remark: string;
}

/**
 * The opCode and remark SF shows for each kind of event; null for kinds SF shows no route
 * for (nothing before pickup; a cancelled order never had one). 33 (exception), 648
 * (instruction taken), 99 (redirect) and 70/607 are the simulator's reading of codes whose
 * meaning is UNCONFIRMED (packages/carrier-sf README). A returned parcel is signed for
 * with 80 like a delivery, its remark naming the return.
 */
const CODES: Readonly<Record<ParcelEventKind, SfRouteCode | null>> = {
  label_created: null,
  picked_up: { opCode: '50', remark: '顺丰速运 已收取快件' },
  departed_facility: { opCode: '36', remark: '快件离开中转场,正在发往下一站' },
  arrived_at_hub: { opCode: '31', remark: '快件到达中转场' },
  arrived_at_last_mile: { opCode: '130', remark: '快件已到达目的地网点' },
  out_for_delivery: { opCode: '44', remark: '快件交给派件员,正在派送途中' },
  delivery_attempted: { opCode: '70', remark: '派送不成功,收件人不在' },
  available_for_pickup: { opCode: '607', remark: '快件已暂存至丰巢智能柜,请凭取件码领取' },
  delivered: { opCode: '80', remark: '已签收,感谢使用顺丰,期待再次为您服务' },
  exception: { opCode: '33', remark: '派件异常,快件暂缓派送' },
  intercept_registered: { opCode: '648', remark: '已受理客户退回指令' },
  return_in_transit: { opCode: '631', remark: '快件已退回,正在返回寄件人' },
  returned: { opCode: '80', remark: '退回件已签收,签收人:寄件人' },
  cancelled: null,
  redirected: { opCode: '99', remark: '应客户要求,快件正在转寄中' },
  // SF shows a withdrawn instruction as the parcel moving on; 30 (sorted, leaving for the
  // next stop) is a confirmed in-transit code.
  intercept_cancelled: { opCode: '30', remark: '应客户要求,已撤销退回指令,快件继续派送' },
  redirect_cancelled: { opCode: '30', remark: '应客户要求,已撤销转寄指令,快件发往原地址' },
};

/** Exception sub-statuses SF's routes can express: one code, no finer reason. */
export const SF_EXCEPTION_SUB_STATUSES: readonly ExceptionSubStatus[] = ['other'];

/** SF's route for an event, or null when SF shows none for it. */
export function sfRouteOf(event: ParcelEvent): SfRouteCode | null {
  return CODES[event.kind];
}

/** The code the control API shows beside an event (`-` for events SF shows no route for). */
export function sfCodeOf(event: ParcelEvent): string {
  return CODES[event.kind]?.opCode ?? '-';
}
