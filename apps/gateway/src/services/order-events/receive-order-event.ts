import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { Deadline } from '../../deadline/deadline.ts';
import { newId } from '../../ids.ts';
import {
  DEADLINE_NEAR_MS,
  deadlineEventOf,
  UNDECIDED_TAKEOVER_MS,
} from '../../lifecycle/order-deadline.ts';
import {
  type PresentedOrderEvent,
  presentOrderEvent,
} from '../../lifecycle/present-order-event.ts';
import { judgeOrderDeadline, operationCalledFor } from '../../policy/judge-order-deadline.ts';
import { ProblemError } from '../../problems.ts';
import { insertEvent } from '../../store/events.ts';
import {
  findOrderEvent,
  findOrderEventByExternalId,
  insertOrderEvent,
  type OrderEventBody,
  type OrderEventRecord,
  recordDecisions,
} from '../../store/order-events.ts';
import { requestHashOf } from '../../store/request-hash.ts';
import { findTenant } from '../../store/tenants.ts';
import type { ActionScope } from '../actions/action-kind.ts';
import { decideParcel } from './decide-parcel.ts';
import { rulesInForce } from './rules-in-force.ts';

/** The event as the marketplace sent it, for the route. */
export type { OrderEventBody };

/** A damage report's reply is due this long after the buyer's return request (docs/domain.md). */
export const DAMAGE_REPLY_MS = 48 * 60 * 60_000;

/** The scope an order event is received in: an action's, and the deadline watcher. */
export interface OrderEventScope extends ActionScope {
  readonly app: ActionScope['app'] & Pick<FastifyInstance, 'orderDeadlines'>;
}

/** An order event as answered, with its HTTP status: 201 new, 200 a repeat. */
export interface OrderEventAnswer {
  readonly httpStatus: 200 | 201;
  readonly event: PresentedOrderEvent;
}

/**
 * Receives an order event: a repeat (same `id`) answers the stored one and does nothing
 * more; a new one is stored, each parcel decided by the tenant's rules (or the default
 * set) through the one action pipeline, its deadline judged at once, and its events
 * (`order_event.received`, and `order_event.deadline_at_risk` or `_missed` when Parcelgate
 * cannot act in time) written with the decisions. A deadline still open is watched.
 */
export async function receiveOrderEvent(
  scope: OrderEventScope,
  body: OrderEventBody,
): Promise<OrderEventAnswer> {
  const { app, request } = scope;
  const tenantId = request.tenant.id;
  if (body.id === undefined && request.idempotency === undefined) {
    throw new ProblemError(
      'idempotency-key-missing',
      'Send an Idempotency-Key header or the event’s own `id`, so a repeat is never acted on twice.',
      { errors: [{ pointer: '/headers/idempotency-key', detail: 'is required without `id`' }] },
    );
  }
  if (body.type === 'address_change_requested' && body.newAddress === undefined) {
    throw new ProblemError('validation-failed', 'An address change names its new address.', {
      errors: [{ pointer: '/body/newAddress', detail: 'is required for address_change_requested' }],
    });
  }
  const requestHash = requestHashOf('POST', '/v1/order-events', body);
  if (body.id !== undefined) {
    const earlier = await findOrderEventByExternalId(app.database, tenantId, body.id);
    if (earlier !== undefined) {
      return repeatOf(scope, earlier, requestHash);
    }
  }
  const now = new Date();
  const inserted = await insertOrderEvent(app.database, {
    id: newId('oev'),
    tenantId,
    externalId: body.id ?? null,
    requestHash,
    type: body.type,
    orderRef: body.orderRef,
    body,
    respondBy: body.respondBy === undefined ? null : new Date(body.respondBy),
    replyBy:
      body.type === 'damage_reported'
        ? new Date(
            (body.returnRequestedAt === undefined
              ? now.getTime()
              : Date.parse(body.returnRequestedAt)) + DAMAGE_REPLY_MS,
          )
        : null,
  });
  if (inserted === undefined) {
    // A racing delivery of the same event stored it first: it decides, this one answers.
    const raced =
      body.id === undefined
        ? undefined
        : await findOrderEventByExternalId(app.database, tenantId, body.id);
    if (raced === undefined) {
      throw new Error('an order event was neither stored nor found');
    }
    return repeatOf(scope, raced, requestHash);
  }
  return { httpStatus: 201, event: presentOrderEvent(await decide(scope, inserted)) };
}

/**
 * Decides an event whose receiver stored it and died before deciding, as a repeat of it
 * would: found by the deadline watcher's sweep, so the decision does not wait for the
 * marketplace to send the event again. Each parcel's claim keeps an action already started
 * from being started twice.
 */
export async function decideAbandoned(
  app: OrderEventScope['app'],
  log: FastifyBaseLogger,
  event: OrderEventRecord,
): Promise<void> {
  const tenant = await findTenant(app.database, event.tenantId);
  if (tenant === undefined) {
    return;
  }
  const request: ActionScope['request'] = {
    id: `order-event:${event.id}:takeover`,
    log: log.child({ orderEventId: event.id }),
    // No API key made this call: the watcher acts for the tenant.
    tenant: { ...tenant, keyId: 'order-event-watch' },
    signal: new AbortController().signal,
    logContext: {},
    method: 'POST',
    deadline: Deadline.in(Math.max(app.config.budgetsMs.intercept, app.config.budgetsMs.redirect)),
    idempotency: undefined,
  };
  await decide({ app, request }, event);
}

/** A repeat of a stored event: the same body answers it; another body is refused. */
async function repeatOf(
  scope: OrderEventScope,
  earlier: OrderEventRecord,
  requestHash: string,
): Promise<OrderEventAnswer> {
  if (earlier.requestHash !== requestHash) {
    throw new ProblemError(
      'order-event-id-reused',
      `Order event ${earlier.externalId ?? earlier.id} was received with another body (${earlier.id}).`,
      { orderEventId: earlier.id },
    );
  }
  const undecided =
    earlier.decidedAt === null && Date.now() - earlier.createdAt.getTime() > UNDECIDED_TAKEOVER_MS;
  // Its receiver died before deciding: decide it now (each parcel's claim keeps an action
  // already started from being started again).
  const record = undecided ? await decide(scope, earlier) : earlier;
  return { httpStatus: 200, event: presentOrderEvent(record) };
}

/** Decides every parcel, judges the deadline, and stores both with the events they raise. */
async function decide(scope: OrderEventScope, event: OrderEventRecord): Promise<OrderEventRecord> {
  const { app } = scope;
  const { body } = event;
  const { rules } = await rulesInForce(app.database, event.tenantId);
  const decided = {
    id: event.id,
    type: event.type,
    orderRef: event.orderRef,
    orderTags: body.orderTags ?? [],
    newAddress: body.newAddress,
    note: body.note,
  };
  // Parcels are decided side by side, within the request's one deadline.
  const outcomes = await Promise.all(
    body.parcels.map((parcel) => decideParcel(scope, decided, parcel, rules)),
  );
  const judgement = judgeOrderDeadline({
    now: new Date(),
    respondBy: event.respondBy ?? undefined,
    nearMs: DEADLINE_NEAR_MS,
    parcels: outcomes.map((outcome) => outcome.progress),
  });
  const stored = await app.database.transaction(async (tx) => {
    await recordDecisions(tx, event.tenantId, event.id, {
      decisions: outcomes.map((outcome) => outcome.decision),
      evidence: outcomes.flatMap((outcome) =>
        outcome.evidence === undefined ? [] : [outcome.evidence],
      ),
      deadlineStatus: judgement.status,
      deadlineReasons: judgement.reasons,
    });
    const record = await findOrderEvent(tx, event.tenantId, event.id);
    if (record === undefined) {
      throw new Error(`order event ${event.id} vanished while being decided`);
    }
    const data = presentOrderEvent(record);
    const atOnce = deadlineEventOf(judgement.status);
    for (const type of atOnce === undefined
      ? (['order_event.received'] as const)
      : (['order_event.received', atOnce] as const)) {
      await insertEvent(tx, {
        tenantId: event.tenantId,
        type,
        objectKind: 'order_event',
        objectId: event.id,
        data,
      });
    }
    return record;
  });
  if (
    stored.respondBy !== null &&
    (judgement.status === 'on_track' || judgement.status === 'at_risk') &&
    operationCalledFor(event.type) !== undefined
  ) {
    await app.orderDeadlines.watch(event.tenantId, event.id, stored.respondBy);
  }
  return stored;
}
