import type {
  CancelRequest,
  CancelResult,
  CarrierContext,
  CarrierDefinition,
  FeeQuoteRequest,
  NormalizedStatus,
  TrackingSnapshot,
} from '@parcelgate/carrier-kit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RegisteredCarrier } from '../../carriers/carrier-registry.ts';
import type { ChangeableAction } from '../../lifecycle/held-action.ts';
import type { PolicyEvaluation } from '../../policy/policy-types.ts';
import type { ProblemError } from '../../problems.ts';
import type { ActionHistory } from '../../store/action-history.ts';
import type { ActionTable } from '../../store/actions.ts';
import type { Queryable } from '../../store/database.ts';
import type { NewEvent } from '../../store/events.ts';
import type { IdempotencyScope } from '../../store/idempotency.ts';
import type { FirstTransition, TransitionCause } from '../../store/transitions.ts';
import type { ListLoader } from '../list-page.ts';
import type { CarrierActionAnswer } from '../send-action.ts';

/** What every action's request carries (the body of `POST /v1/intercepts`, `/v1/redirects`). */
export interface ActionInput {
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly note?: string | undefined;
  readonly phoneLastDigits?: string | undefined;
  readonly carrierOptions?: Readonly<Record<string, string>> | undefined;
}

/** What every stored action has, whatever its kind. */
export interface ActionRecord extends ChangeableAction {
  readonly id: string;
  readonly tenantId: string;
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly createdAt: Date;
}

/** The fields an action's record shares with every other kind's, filled by the pipeline. */
export interface CommonActionFields {
  readonly id: string;
  readonly tenantId: string;
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly reason: string;
  readonly note: string | null;
  readonly phoneLastDigits: string | null;
  readonly carrierOptions: Readonly<Record<string, string>> | null;
  readonly connectionId: string | null;
  readonly parcelStatus: NormalizedStatus;
  readonly likelihood: string;
  readonly fee: PolicyEvaluation['fee'];
  readonly policyReasons: PolicyEvaluation['reasons'];
  readonly warnings: PolicyEvaluation['warnings'];
  readonly carrierReference: null;
  readonly carrierReason: null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** An action's transitions and carrier attempts, oldest first (one owner: the store). */
export type { ActionHistory };

/**
 * What an eligible action holds until it is settled (a redirect counts against its order's
 * free redirects), judged again on what it really got: a racing action may have taken it.
 */
export interface ActionHold<Extra> {
  readonly evaluation: PolicyEvaluation;
  /** The fields the hold adds to the record. */
  readonly extra: Extra;
  /** Gives the hold back: the action was refused, abandoned, or did not happen. */
  release(): Promise<void>;
}

/** What every action looks like as answered. */
export interface PresentedAction {
  readonly id: string;
  readonly carrier: string;
  readonly status: string;
}

/**
 * The parts of the gateway and of the request an action runs with: not the Fastify
 * instance and request themselves, so the pipeline runs in a unit test from parts built
 * there.
 */
export interface ActionScope {
  readonly app: Pick<
    FastifyInstance,
    | 'database'
    | 'carriers'
    | 'resilience'
    | 'config'
    | 'connectionSecrets'
    | 'reconciler'
    | 'tenantReads'
    | 'activeIntercepts'
    | 'parcelStatuses'
    | 'attempts'
  >;
  readonly request: Pick<
    FastifyRequest,
    'id' | 'log' | 'tenant' | 'signal' | 'logContext' | 'method' | 'deadline' | 'idempotency'
  >;
  /**
   * What started the action, for its first transition: by default the client's request;
   * a rule of the after-sales assistant says so (`rule`) and names itself and its order
   * event in the detail.
   */
  readonly origin?: ActionOrigin | undefined;
}

/** What started an action, when not the client's own request. */
export interface ActionOrigin {
  readonly cause: TransitionCause;
  readonly detail: string;
}

/**
 * One kind of action (intercept, redirect; cancel and batches to come): everything the
 * one pipeline (`run-action.ts`) needs to know of it. The pipeline owns the order of the
 * steps, the deadline, the Idempotency-Key, the stored history and the answer; a kind only
 * says what differs.
 */
export interface ActionKind<
  Input extends ActionInput,
  Stored extends ActionRecord,
  Presented extends PresentedAction,
  Extra = Record<never, never>,
> {
  /** The carrier operation, its capability, its budget and its circuit. */
  readonly operation: 'intercept' | 'redirect';
  readonly table: ActionTable;
  readonly idPrefix: 'icp' | 'rdr';
  /** Where a problem answer names the stored action. */
  readonly idField: 'interceptId' | 'redirectId';
  /** Where a stored action is read (`/v1/intercepts`). */
  readonly path: string;
  /** The past participle in details: "The parcel cannot be intercepted now". */
  readonly done: string;
  /** The adapter's operation, when the carrier offers it. */
  carrierOperation(
    definition: CarrierDefinition,
  ):
    | ((ctx: CarrierContext, input: Input, record: Stored) => Promise<CarrierActionAnswer>)
    | undefined;
  /** The adapter's cancel of this kind of action, when the carrier offers one. */
  cancelOperation(
    definition: CarrierDefinition,
  ): ((ctx: CarrierContext, request: CancelRequest) => Promise<CancelResult>) | undefined;
  /** What the carrier's fee quote needs besides the parcel (a redirect: where to). */
  quoteExtras?(input: Input): Pick<FeeQuoteRequest, 'newAddress'>;
  /** The statuses from which it may still be cancelled. */
  readonly cancellable: readonly string[];
  /** The tenant's policy on this action at this carrier, for the parcel as tracked now. */
  evaluate(
    scope: ActionScope,
    carrier: RegisteredCarrier,
    input: Input,
    snapshot: TrackingSnapshot,
  ): Promise<PolicyEvaluation>;
  /** Takes what an eligible action holds, when its kind holds anything. */
  hold?(
    scope: ActionScope,
    carrier: RegisteredCarrier,
    input: Input,
    snapshot: TrackingSnapshot,
  ): Promise<ActionHold<Extra>>;
  /** The record to store, from the common fields and the kind's own. */
  record(
    common: CommonActionFields,
    input: Input,
    status: { readonly status: 'pending' | 'rejected'; readonly statusDetail: string | null },
    extra: Extra | undefined,
  ): Stored;
  /** Stores the action with its first transition, its key's claim and its events, in one statement. */
  insert(
    db: Queryable,
    record: Stored,
    first: FirstTransition,
    claim?: IdempotencyScope,
    events?: readonly NewEvent[],
  ): Promise<void>;
  find(db: Queryable, tenantId: string, id: string): Promise<Stored | undefined>;
  /** The tenant's action with its transitions and attempts, in one statement. */
  findWithHistory(
    db: Queryable,
    tenantId: string,
    id: string,
  ): Promise<{ readonly record: Stored; readonly history: ActionHistory } | undefined>;
  /** One page of the tenant's actions of this kind, newest first. */
  list: ListLoader<Stored>;
  present(record: Stored, history: ActionHistory): Presented;
  /** The problem for a store refusal because another action of the kind is under way. */
  alreadyUnderWay(
    app: ActionScope['app'],
    error: unknown,
    record: Stored,
  ): Promise<ProblemError | undefined>;
}
