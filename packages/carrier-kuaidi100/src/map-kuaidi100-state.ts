import type { StatusMapping } from '@parcelgate/carrier-kit';

/** One Kuaidi100 state: its Chinese name as the API sends it, and its normalized reading. */
export interface Kuaidi100StateEntry {
  /** The name Kuaidi100 puts in `data[].status` (with `resultv2`), e.g. `在途`. */
  readonly name: string;
  /** Kuaidi100's own meaning, for descriptions when an event brings no text. */
  readonly meaning: string;
  readonly mapping: StatusMapping;
}

/**
 * What the adapter asks for in `resultv2`: `4` adds the advanced state's name and code to
 * every route entry ("开通行政解析功能以及物流轨迹增加物流高级状态名称、状态值",
 * kuaidi100-api/java-demo QueryTrackParam and BOrderReq; `1` gives main-state names only).
 */
export const KUAIDI100_RESULTV2 = '4';

/**
 * Every state Kuaidi100 documents: the ten main states (0 to 8 and 14; 10 to 13 are the
 * customs states older docs list as main states) and the advanced states `resultv2`
 * adds (three- and four-digit codes). Source: Kuaidi100's state table ("运单快递状态
 * (state)说明", api.kuaidi100.com/document/5f0ffb5ebc8da837cbd8aefc, apifox project 514987
 * api-8562559) and the push docs ("0在途,1揽收,2疑难,3签收,4退签,5派件,8清关,14拒签等10个主
 * 状态"); there is no state 9. How sure each row is: the main states 0-7 and 10-14 are in
 * Kuaidi100's own demo (java-demo QueryTrackResp, QueryTrackData); 8 and the advanced codes
 * come from the state table as quoted, code for code, by six or more independent client
 * libraries (the names vary a little: 揽件/揽收, 运输中/干线, 已代签/代签); the normalized
 * reading of each row is ours (the README's table says which rows are judgement calls).
 */
export const KUAIDI100_STATES = {
  '0': { name: '在途', meaning: '快件在途中', mapping: { status: 'in_transit' } },
  '1001': {
    name: '到达派件城市',
    meaning: '快件到达收件人城市',
    mapping: { status: 'at_destination_facility' },
  },
  '1002': { name: '干线', meaning: '快件处于运输过程中', mapping: { status: 'in_transit' } },
  // A forward to a new address (an address change took effect): still travelling.
  '1003': { name: '转递', meaning: '快件发往到新的收件地址', mapping: { status: 'in_transit' } },
  '1': { name: '揽收', meaning: '快件揽件', mapping: { status: 'picked_up' } },
  '101': { name: '已下单', meaning: '已经下快件单', mapping: { status: 'label_created' } },
  '102': { name: '待揽收', meaning: '待快递公司揽收', mapping: { status: 'label_created' } },
  '103': { name: '已揽收', meaning: '快递公司已经揽收', mapping: { status: 'picked_up' } },
  '2': {
    name: '疑难',
    meaning: '快件存在疑难',
    mapping: { status: 'exception', subStatus: 'other', incident: 'other' },
  },
  '201': {
    name: '超时未签收',
    meaning: '快件长时间派件后未签收',
    mapping: { status: 'exception', subStatus: 'held', incident: 'recipient_unavailable' },
  },
  '202': {
    name: '超时未更新',
    meaning: '快件长时间没有派件或签收',
    mapping: { status: 'exception', subStatus: 'lost', incident: 'delayed' },
  },
  '203': {
    name: '拒收',
    meaning: '收件人发起拒收快递,待发货方确认',
    mapping: { status: 'exception', subStatus: 'refused', incident: 'refused' },
  },
  '204': {
    name: '派件异常',
    meaning: '快件派件时遇到异常情况',
    mapping: { status: 'delivery_attempted' },
  },
  '205': {
    name: '柜或驿站超时未取',
    meaning: '快件在快递柜或者驿站长时间未取',
    mapping: { status: 'exception', subStatus: 'held', incident: 'recipient_unavailable' },
  },
  '206': {
    name: '无法联系',
    meaning: '无法联系到收件人',
    mapping: { status: 'exception', subStatus: 'held', incident: 'recipient_unavailable' },
  },
  '207': {
    name: '超区',
    meaning: '超出快递公司的服务区范围',
    mapping: { status: 'exception', subStatus: 'address_issue', incident: 'address_not_found' },
  },
  '208': {
    name: '滞留',
    meaning: '快件滞留在网点，没有派送',
    mapping: { status: 'exception', subStatus: 'held', incident: 'delayed' },
  },
  '209': {
    name: '破损',
    meaning: '快件破损',
    mapping: { status: 'exception', subStatus: 'damaged', incident: 'damaged' },
  },
  '210': { name: '销单', meaning: '寄件人申请撤销寄件', mapping: { status: 'cancelled' } },
  '3': { name: '签收', meaning: '快件已签收', mapping: { status: 'delivered' } },
  '301': { name: '本人签收', meaning: '收件人正常签收', mapping: { status: 'delivered' } },
  '302': {
    name: '派件异常后签收',
    meaning: '快件显示派件异常，但后续正常签收',
    mapping: { status: 'delivered' },
  },
  '303': { name: '代签', meaning: '快件已被代签', mapping: { status: 'delivered' } },
  '304': {
    name: '投柜或站签收',
    meaning: '快件已从快递柜或者驿站取出签收',
    mapping: { status: 'delivered' },
  },
  '4': { name: '退签', meaning: '此快件单已退签', mapping: { status: 'returned' } },
  '401': { name: '已销单', meaning: '此快件单已撤销', mapping: { status: 'cancelled' } },
  '5': { name: '派件', meaning: '快件正在派件', mapping: { status: 'out_for_delivery' } },
  '501': {
    name: '投柜或驿站',
    meaning: '快件已经投递到快递柜或者快递驿站',
    mapping: { status: 'available_for_pickup' },
  },
  '6': {
    name: '退回',
    meaning: '快件正处于返回发货人的途中',
    mapping: { status: 'return_in_transit' },
  },
  // Handed to another carrier (often the post office) for the last leg: still moving.
  '7': { name: '转投', meaning: '快件转给其他快递公司邮寄', mapping: { status: 'in_transit' } },
  '8': { name: '清关', meaning: '快件清关', mapping: { status: 'in_transit' } },
  '10': { name: '待清关', meaning: '快件等待清关', mapping: { status: 'in_transit' } },
  '11': { name: '清关中', meaning: '快件正在清关流程中', mapping: { status: 'in_transit' } },
  '12': { name: '已清关', meaning: '快件已完成清关流程', mapping: { status: 'in_transit' } },
  '13': {
    name: '清关异常',
    meaning: '货物在清关过程中出现异常',
    mapping: { status: 'exception', subStatus: 'held', incident: 'customs' },
  },
  // "收件人拒绝签收，且寄件人签收了": refused, and already back with the sender.
  '14': { name: '拒签', meaning: '收件人拒签快件', mapping: { status: 'returned' } },
} as const satisfies Readonly<Record<string, Kuaidi100StateEntry>>;

/** Every documented state code, for the conformance kit and the README table. */
export const KUAIDI100_STATUS_CODES: readonly string[] = Object.keys(KUAIDI100_STATES);

const BY_CODE: ReadonlyMap<string, Kuaidi100StateEntry> = new Map(Object.entries(KUAIDI100_STATES));

/** Other names client libraries quote for the same codes, for entries that carry no code. */
const OTHER_NAMES: Readonly<Record<string, string>> = {
  揽件: '1',
  运输中: '1002',
  快件存在疑难: '2',
  无法联系到收件人: '206',
  超出服务范围: '207',
  已签收: '3',
  已代签: '303',
  已退签: '4',
  已撤销: '401',
};

// Names are unique except 拒签, which both tables list under code 14.
const CODE_BY_NAME: ReadonlyMap<string, string> = new Map([
  ...Object.entries(KUAIDI100_STATES).map(([code, entry]): [string, string] => [entry.name, code]),
  ...Object.entries(OTHER_NAMES),
]);

/** Route text that says the courier has the parcel (已揽收, 揽件成功, 已收件). */
const COLLECTED_TEXT = /已揽收|已揽件|揽收成功|揽件成功|已收件|已取件/;
/** Route text that says the courier has not come yet (待揽收, 等待快递员揽收, 尚未揽收). */
const AWAITING_PICKUP_TEXT = /待揽|未揽|等待.{0,8}(?:揽|取件)/;
/** Route text that says only that the order exists (已下单, 下单成功). */
const ORDERED_TEXT = /已下单|下单成功|订单已提交/;

/**
 * A bare main state 1 (揽收) covers 101 已下单 and 102 待揽收 as well as a real pickup: when
 * Kuaidi100 sends no advanced code (an account or carrier without `resultv2: 4`), the
 * entry's own text decides, so "商家已下单，等待快递员揽收" reads 102 rather than a pickup.
 * Every other code is returned as it is. The patterns are ours, not Kuaidi100's.
 */
export function refineKuaidi100State(code: string, context: string): string {
  if (code !== '1' || COLLECTED_TEXT.test(context)) {
    return code;
  }
  if (AWAITING_PICKUP_TEXT.test(context)) {
    return '102';
  }
  return ORDERED_TEXT.test(context) ? '101' : code;
}

/** The entry of a state code, or undefined for a code Kuaidi100 does not document. */
export function describeKuaidi100State(code: string): Kuaidi100StateEntry | undefined {
  return BY_CODE.get(code);
}

/** The code of a state name as `data[].status` carries it (`在途` gives `0`). */
export function kuaidi100StateCodeOfName(name: string): string | undefined {
  return CODE_BY_NAME.get(name.trim());
}

/** The normalized reading of a state code; undocumented codes read as `unknown`. */
export function mapKuaidi100State(code: string): StatusMapping {
  return BY_CODE.get(code)?.mapping ?? { status: 'unknown' };
}
