import type { OrderEventRecord } from '../store/order-events.ts';

/** An order event as the API shows it, and as its events carry it. */
export function presentOrderEvent(record: OrderEventRecord) {
  const { body } = record;
  return {
    id: record.id,
    externalId: record.externalId,
    type: record.type,
    orderRef: record.orderRef,
    orderTags: [...(body.orderTags ?? [])],
    parcels: body.parcels,
    newAddress: body.newAddress ?? null,
    note: body.note ?? null,
    decisions: record.decisions,
    deadline: {
      respondBy: record.respondBy?.toISOString() ?? null,
      replyBy: record.replyBy?.toISOString() ?? null,
      status: record.deadlineStatus,
      reasons: record.deadlineReasons,
    },
    evidence: record.evidence,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** An order event as answered. */
export type PresentedOrderEvent = ReturnType<typeof presentOrderEvent>;
