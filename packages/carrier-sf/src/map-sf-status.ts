import type { StatusMapping } from '@parcelgate/carrier-kit';

/**
 * Every route `opCode` carriers.md §5.2 lists for SF, plus `33`, which the simulator
 * renders for exceptions. Exported so the conformance kit checks each one maps to a
 * normalized status.
 */
export const SF_STATUS_CODES = [
  '50',
  '54',
  '30',
  '31',
  '36',
  '105',
  '106',
  '130',
  '44',
  '204',
  '70',
  '607',
  '80',
  '8000',
  '33',
  '631',
  '648',
  '99',
  '123',
] as const;

/** One of {@link SF_STATUS_CODES}. */
export type SfStatusCode = (typeof SF_STATUS_CODES)[number];

/**
 * SF's secondary status groups (`secondaryStatusCode`), used when a route's opCode is one
 * this table does not know. `204` here is 清关中 (in customs), unrelated to opCode 204.
 */
export const SF_SECONDARY_STATUS_CODES = [
  '101',
  '201',
  '204',
  '205',
  '301',
  '401',
  '1301',
] as const;

/** One of {@link SF_SECONDARY_STATUS_CODES}. */
export type SfSecondaryStatusCode = (typeof SF_SECONDARY_STATUS_CODES)[number];

/** A normalized reading plus SF's wording, used when a route has no remark. */
export interface SfStatusEntry extends StatusMapping {
  readonly meaning: string;
  /** Whether the meaning comes from sources (false: UNCONFIRMED, mapped conservatively). */
  readonly confirmed: boolean;
}

/**
 * The opCode table. Meanings marked unconfirmed are mapped to the least committal status
 * that fits what is known (never to a terminal one), see README "Status mapping".
 */
const SF_STATUS_TABLE: Readonly<Record<SfStatusCode, SfStatusEntry>> = {
  '50': { status: 'picked_up', meaning: '顺丰已收取快件', confirmed: true },
  '54': { status: 'picked_up', meaning: '上门收件', confirmed: true },
  '30': { status: 'in_transit', meaning: '快件在分拣中心完成分拣,准备发往下一站', confirmed: true },
  '31': { status: 'in_transit', meaning: '快件到达中转场', confirmed: true },
  '36': { status: 'in_transit', meaning: '快件离开中转场,发往下一站', confirmed: true },
  '105': { status: 'in_transit', meaning: '运输中', confirmed: true },
  // 到达目的地 (the destination city); the station itself is 130.
  '106': { status: 'in_transit', meaning: '到达目的地', confirmed: true },
  '130': { status: 'at_destination_facility', meaning: '快件已到达目的地网点', confirmed: true },
  '44': { status: 'out_for_delivery', meaning: '正在派送途中', confirmed: true },
  '204': { status: 'out_for_delivery', meaning: '派送中', confirmed: true },
  // Seen under group 1301; read as a failed delivery attempt. UNCONFIRMED.
  '70': { status: 'delivery_attempted', meaning: '派送不成功', confirmed: false },
  // UNCONFIRMED: read as "left at a locker / station for collection".
  '607': { status: 'available_for_pickup', meaning: '快件已暂存,待收件人领取', confirmed: false },
  '80': { status: 'delivered', meaning: '已签收', confirmed: true },
  // 结束: closes a waybill after its last scan; SF's samples show it after 80.
  '8000': { status: 'delivered', meaning: '结束', confirmed: true },
  // Not in carriers.md: the simulator's code for an exception (派件异常). UNCONFIRMED.
  '33': { status: 'exception', subStatus: 'other', meaning: '派件异常', confirmed: false },
  // 快件已退回: the return has begun (often under a new waybill); not terminal.
  '631': { status: 'return_in_transit', meaning: '快件已退回', confirmed: true },
  // UNCONFIRMED meanings: an instruction (转寄/退回) or a hand-over; the parcel still moves.
  '648': { status: 'in_transit', meaning: '已受理客户截单转寄/退回指令', confirmed: false },
  '99': { status: 'in_transit', meaning: '应客户要求,快件正在转寄中', confirmed: false },
  '123': { status: 'in_transit', meaning: '快件正送往下一站', confirmed: false },
};

const SECONDARY_TABLE: Readonly<Record<SfSecondaryStatusCode, SfStatusEntry>> = {
  '101': { status: 'picked_up', meaning: '揽收', confirmed: true },
  '201': { status: 'in_transit', meaning: '运输中', confirmed: true },
  '204': {
    status: 'exception',
    subStatus: 'held',
    incident: 'customs',
    meaning: '清关中',
    confirmed: true,
  },
  '205': { status: 'in_transit', meaning: '已清关', confirmed: true },
  '301': { status: 'out_for_delivery', meaning: '派送', confirmed: true },
  '401': { status: 'delivered', meaning: '签收', confirmed: true },
  // 1301's name is not known; 70 appears under it. UNCONFIRMED, mapped like 70.
  '1301': { status: 'delivery_attempted', meaning: '派送异常', confirmed: false },
};

const UNDOCUMENTED: SfStatusEntry = { status: 'unknown', meaning: '未知路由', confirmed: false };

/** Whether `code` is an opCode the table knows. */
export function isSfStatusCode(code: string): code is SfStatusCode {
  return Object.hasOwn(SF_STATUS_TABLE, code);
}

function isSecondaryCode(code: string): code is SfSecondaryStatusCode {
  return Object.hasOwn(SECONDARY_TABLE, code);
}

/**
 * Reads one route: by opCode; for an opCode the table lacks, by the secondary status
 * group when SF sent one; otherwise `unknown` (the raw code still travels with the event).
 */
export function describeSfRoute(opCode: string, secondaryStatusCode?: string): SfStatusEntry {
  if (isSfStatusCode(opCode)) {
    return SF_STATUS_TABLE[opCode];
  }
  if (secondaryStatusCode !== undefined && isSecondaryCode(secondaryStatusCode)) {
    return SECONDARY_TABLE[secondaryStatusCode];
  }
  return UNDOCUMENTED;
}

/** Maps an opCode (and optional secondary group) to the normalized taxonomy. */
export function mapSfStatus(opCode: string, secondaryStatusCode?: string): StatusMapping {
  const {
    meaning: _meaning,
    confirmed: _confirmed,
    ...mapping
  } = describeSfRoute(opCode, secondaryStatusCode);
  return mapping;
}
