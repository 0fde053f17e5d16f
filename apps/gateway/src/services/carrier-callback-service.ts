import {
  type CarrierCallbackRequest,
  type CarrierCallbackResult,
  deriveCurrentStatus,
  isCarrierErrorOfKind,
  sortEventsChronologically,
  type TrackingEvent,
} from '@parcelgate/carrier-kit';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { RegisteredCarrier } from '../carriers/carrier-registry.ts';
import { accountOfAction } from '../connections/carrier-accounts.ts';
import {
  applySteps,
  loadAction,
  loadOpenActionsOfParcel,
  noteParcelStatus,
  type ReconcileAction,
} from '../lifecycle/action-store.ts';
import { type CarrierView, decideReconciliation } from '../lifecycle/decide-reconciliation.ts';
import { ProblemError } from '../problems.ts';
import { storeCarrierEvents } from '../store/carrier-events.ts';
import { storablePush } from './storable-push.ts';

/** One lifecycle move a push caused. */
export interface CallbackMove {
  readonly actionId: string;
  readonly from: string;
  readonly to: readonly string[];
}

/** What one verified push did, and the acknowledgement the carrier expects. */
export interface HandledCallback {
  readonly acknowledgement: CarrierCallbackResult['acknowledgement'];
  /** Events in the push, and how many of them were new. */
  readonly events: { readonly pushed: number; readonly stored: number };
  readonly moves: readonly CallbackMove[];
}

/**
 * Handles a carrier's push: the adapter verifies its signature or secret and parses it
 * (a bad signature is a 401 problem and nothing is stored), the events are stored once
 * each, and every open intercept or redirect of the parcels it names moves forward as the
 * pushed outcome or events say, exactly as a reconciliation check would move it, with
 * `callback` as the cause.
 */
export async function handleCarrierCallback(
  app: FastifyInstance,
  account: { readonly carrierId: string; readonly connectionId: string | null },
  request: CarrierCallbackRequest,
  log: FastifyBaseLogger,
): Promise<HandledCallback> {
  const { carrierId, connectionId } = account;
  const carrier = await callbackAccount(app, carrierId, connectionId);
  const { callbacks } = carrier.definition;
  if (callbacks === undefined) {
    throw new ProblemError(
      'callbacks-not-supported',
      `${carrier.definition.displayName} sends no callbacks to Parcelgate.`,
      { carrier: carrierId },
    );
  }
  let verified: CarrierCallbackResult;
  try {
    verified = await callbacks.handle(carrier.createCallbackContext(log), request);
  } catch (error) {
    if (isCarrierErrorOfKind(error, 'authentication')) {
      throw new ProblemError('callback-unauthenticated', error.message, { carrier: carrierId });
    }
    if (isCarrierErrorOfKind(error, 'invalid-request')) {
      throw new ProblemError('callback-unreadable', error.message, { carrier: carrierId });
    }
    throw error;
  }
  const result = storablePush(verified, carrierId, log);
  const stored = await storeCarrierEvents(app.database, carrierId, result.events);
  const moves: CallbackMove[] = [];
  for (const trackingNumber of parcelsNamed(result)) {
    for (const action of await loadOpenActionsOfParcel(
      app.database,
      carrierId,
      trackingNumber,
      connectionId,
    )) {
      moves.push(...(await settle(app, action, viewsFor(result, action))));
    }
  }
  return {
    acknowledgement: result.acknowledgement,
    events: { pushed: result.events.length, stored },
    moves,
  };
}

/** The account whose credentials verify the push: the shared one, or the named connection. */
async function callbackAccount(
  app: FastifyInstance,
  carrierId: string,
  connectionId: string | null,
): Promise<RegisteredCarrier> {
  // An unknown carrier is its own 404 (`unknown-carrier`), before any connection is read.
  app.carriers.resolve(carrierId);
  const account = await accountOfAction(app, { carrier: carrierId, connectionId });
  if (account === undefined) {
    throw new ProblemError('not-found', `No ${carrierId} connection ${connectionId}.`, {
      carrier: carrierId,
    });
  }
  return account;
}

function parcelsNamed(result: CarrierCallbackResult): Set<string> {
  return new Set([
    ...result.outcomes.map((outcome) => outcome.trackingNumber),
    ...result.events.map((pushed) => pushed.trackingNumber),
  ]);
}

/**
 * What the push says about one action, in the order it is applied: the carrier's explicit
 * outcomes first (those for this action's operation, and for this action when the
 * carrier echoes our reference), then what the pushed events imply.
 */
function viewsFor(result: CarrierCallbackResult, action: ReconcileAction): CarrierView[] {
  const operation = action.table === 'intercepts' ? 'intercept' : 'redirect';
  const views: CarrierView[] = [];
  for (const outcome of result.outcomes) {
    if (
      outcome.trackingNumber !== action.trackingNumber ||
      outcome.operation !== operation ||
      (outcome.reference !== undefined && outcome.reference !== action.id)
    ) {
      continue;
    }
    views.push(
      outcome.operation === 'intercept'
        ? { kind: 'status', result: outcome.result }
        : { kind: 'redirect-status', result: outcome.result },
    );
  }
  const events: TrackingEvent[] = result.events
    .filter((pushed) => pushed.trackingNumber === action.trackingNumber)
    .map((pushed) => pushed.event);
  if (events.length > 0) {
    views.push({
      kind: 'tracking',
      snapshot: {
        carrierId: action.carrier,
        trackingNumber: action.trackingNumber,
        ...deriveCurrentStatus(events),
        events: sortEventsChronologically(events),
      },
    });
  }
  return views;
}

/** Applies each view in turn; an action someone else moved meanwhile is read again once. */
async function settle(
  app: FastifyInstance,
  action: ReconcileAction,
  views: readonly CarrierView[],
): Promise<CallbackMove[]> {
  const moves: CallbackMove[] = [];
  let current: ReconcileAction | undefined = action;
  for (const view of views) {
    if (view.kind === 'tracking') {
      await noteParcelStatus(app.database, action, view.snapshot.status);
      app.parcelStatuses.seen({
        carrier: action.carrier,
        trackingNumber: action.trackingNumber,
        status: view.snapshot.status,
      });
    }
    for (let attempt = 0; attempt < 2 && current !== undefined; attempt++) {
      const decision = decideReconciliation(
        {
          table: current.table,
          status: current.status,
          newAddress: current.newAddress ?? undefined,
          sinceChangeMs: Date.now() - current.updatedAt.getTime(),
        },
        view,
        {
          notFoundGraceMs:
            2 * app.config.budgetsMs[current.table === 'intercepts' ? 'intercept' : 'redirect'],
        },
      );
      const steps = decision.steps.map((step) => ({ ...step, cause: 'callback' as const }));
      if (steps.length === 0) {
        break;
      }
      const applied = await applySteps(app.database, current, steps);
      const from = current.status;
      current = await loadAction(app.database, current.table, current.id);
      if (applied) {
        moves.push({ actionId: action.id, from, to: steps.map((step) => step.status) });
        break;
      }
    }
  }
  return moves;
}
