import type { ParcelEvent, ParcelEventKind } from '../../model/parcel.ts';
import type { ExceptionSubStatus } from '../../model/statuses.ts';

/**
 * A state as Kuaidi100 writes it: the main code and its name (`resultv2` 1), the advanced
 * code and its name (`resultv2` 4: "物流高级状态名称、状态值").
 */
export interface Kuaidi100SimState {
  readonly state: string;
  readonly name: string;
  readonly advanced: string;
  readonly advancedName: string;
  readonly context: string;
}

/** The advanced states' names (Kuaidi100's state table); a main code names itself. */
const ADVANCED_NAMES: Readonly<Record<string, string>> = {
  '101': '已下单',
  '102': '待揽收',
  '103': '已揽收',
  '1001': '到达派件城市',
  '1002': '干线',
  '1003': '转递',
  '201': '超时未签收',
  '202': '超时未更新',
  '203': '拒收',
  '204': '派件异常',
  '207': '超区',
  '208': '滞留',
  '209': '破损',
  '301': '本人签收',
  '401': '已销单',
  '501': '投柜或驿站',
};

function state(state: string, name: string, advanced: string, context: string): Kuaidi100SimState {
  return { state, name, advanced, advancedName: ADVANCED_NAMES[advanced] ?? name, context };
}

const BY_KIND: Readonly<Record<Exclude<ParcelEventKind, 'exception'>, Kuaidi100SimState>> = {
  label_created: state('1', '揽收', '101', '商家已下单，等待快递员揽收'),
  picked_up: state('1', '揽收', '103', '快递员已揽收'),
  departed_facility: state('0', '在途', '1002', '快件已从分拨中心发出'),
  arrived_at_hub: state('0', '在途', '1002', '快件已到达分拨中心'),
  arrived_at_last_mile: state('0', '在途', '1001', '快件已到达派件城市网点'),
  out_for_delivery: state('5', '派件', '5', '快递员正在派件'),
  delivery_attempted: state('2', '疑难', '204', '派件异常，快递员将再次派送'),
  available_for_pickup: state('5', '派件', '501', '快件已投递至驿站，请凭取件码领取'),
  delivered: state('3', '签收', '301', '快件已签收，签收人：本人'),
  intercept_registered: state('0', '在途', '0', '快件已被拦截，将退回寄件人'),
  return_in_transit: state('6', '退回', '6', '快件正在退回寄件人途中'),
  returned: state('4', '退签', '4', '寄件人已签收退回的快件'),
  cancelled: state('4', '退签', '401', '寄件人已撤销快件'),
  redirected: state('0', '在途', '1003', '收件地址已修改，快件转寄至新地址'),
  intercept_cancelled: state('0', '在途', '1002', '拦截已撤销，快件继续派送'),
  redirect_cancelled: state('0', '在途', '1002', '改址已撤销，快件派送至原地址'),
};

const BY_SUB_STATUS: Readonly<Record<ExceptionSubStatus, Kuaidi100SimState>> = {
  damaged: state('2', '疑难', '209', '快件破损'),
  lost: state('2', '疑难', '202', '快件长时间未更新'),
  address_issue: state('2', '疑难', '207', '收件地址超出服务范围'),
  held: state('2', '疑难', '208', '快件滞留在网点'),
  refused: state('2', '疑难', '203', '收件人拒收快件'),
  other: state('2', '疑难', '2', '快件存在疑难'),
};

/** Exception sub-statuses Kuaidi100's advanced states express; `other` (疑难) is the default. */
export const KUAIDI100_EXCEPTION_SUB_STATUSES: readonly ExceptionSubStatus[] = [
  'other',
  'damaged',
  'lost',
  'address_issue',
  'held',
  'refused',
];

/** How Kuaidi100 writes an event. */
export function kuaidi100StateOf(event: ParcelEvent): Kuaidi100SimState {
  return event.kind === 'exception'
    ? BY_SUB_STATUS[event.subStatus ?? 'other']
    : BY_KIND[event.kind];
}

/**
 * The code of an event shown by the control API: the advanced state (`resultv2` 4), which
 * is what a route entry's `statusCode` carries and what the adapter keeps in `raw.code`.
 */
export function kuaidi100CodeOf(event: ParcelEvent): string {
  return kuaidi100StateOf(event).advanced;
}
