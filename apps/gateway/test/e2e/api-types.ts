/**
 * The API's shapes as a client sees them on the wire (the OpenAPI document, openapi/parcelgate.yaml).
 * Written out by hand rather than imported from the gateway: the e2e suite checks the
 * contract from outside, so a renamed field fails here instead of being renamed with it.
 */

/** Money as a decimal string and an ISO 4217 code. */
export interface Money {
  readonly amount: string;
  readonly currency: string;
}

/** A policy reason or warning. */
export interface PolicyReason {
  readonly code: string;
  readonly message: string;
}

/** Who pays. */
export interface Fee {
  readonly payer: 'carrier' | 'merchant' | 'platform';
  readonly note: string;
  readonly amount?: Money;
  readonly quoteRequired?: boolean;
}

/** A lifecycle transition. */
export interface Transition {
  readonly status: string;
  readonly at: string;
  readonly cause: string;
  readonly detail: string | null;
}

/** One call to the carrier. */
export interface Attempt {
  readonly operation: string;
  readonly at: string;
  readonly durationMs: number;
  readonly httpStatus: number | null;
  readonly outcome: string;
  readonly carrierCode: string | null;
}

/** Whether an operation is available by API, and when not, why and where. */
export type OperationAvailability =
  | { readonly byApi: true; readonly maxPerCall?: number }
  | { readonly byApi: false; readonly reason: string; readonly url?: string };

/** One of the carrier's own delivery options for a parcel (FedEx reports them). */
export interface DeliveryOption {
  readonly option: string;
  readonly operation?: 'intercept' | 'redirect';
  readonly eligibility: 'eligible' | 'not_eligible' | 'possibly_eligible';
  readonly where: 'api' | 'carrier_website';
  readonly url?: string;
}

/** The answer of `POST /v1/intercepts/eligibility`. */
export interface Eligibility {
  readonly eligible: boolean;
  readonly availability: OperationAvailability;
  readonly likelihood: 'high' | 'low' | 'none';
  readonly parcelStatus: string;
  readonly reasons: PolicyReason[];
  readonly warnings: PolicyReason[];
  readonly fee: Fee;
  /** The carrier's own price, where it quotes one. */
  readonly feeQuote: { readonly amount: Money; readonly lines?: unknown[] } | null;
  readonly nextActions: string[];
}

/** An intercept and its history. */
export interface Intercept {
  readonly id: string;
  readonly status: string;
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly reason: string;
  readonly orderRef: string | null;
  readonly pickupMode: string;
  readonly parcel: { readonly declaredValue?: Money; readonly category?: string } | null;
  readonly likelihood: string;
  readonly parcelStatus: string | null;
  readonly fee: Fee;
  readonly reasons: PolicyReason[];
  readonly warnings: PolicyReason[];
  readonly carrierReference: string | null;
  readonly carrierReason: string | null;
  readonly statusDetail: string | null;
  /** The parcel's latest known status, and the one at the request. */
  readonly parcelStatusAtRequest?: string | null;
  /** Flagged for a person: no final outcome within its window. */
  readonly needsAttention: boolean;
  readonly attentionReason: string | null;
  readonly nextActions: string[];
  readonly transitions: Transition[];
  readonly attempts: Attempt[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A delivery address. */
export interface Address {
  readonly name: string;
  readonly phone: string;
  readonly line1: string;
  readonly line2?: string;
  readonly city: string;
  readonly region?: string;
  readonly postalCode?: string;
  readonly country: string;
}

/** A redirect and its history. */
export interface Redirect {
  readonly id: string;
  readonly status: string;
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly orderRef: string;
  readonly reason: string;
  readonly newAddress: Address;
  readonly free: boolean;
  readonly likelihood: string;
  readonly parcelStatus: string | null;
  readonly fee: Fee;
  readonly reasons: PolicyReason[];
  readonly warnings: PolicyReason[];
  readonly carrierReference: string | null;
  readonly carrierReason: string | null;
  readonly statusDetail: string | null;
  /** The parcel's latest known status, and the one at the request. */
  readonly parcelStatusAtRequest?: string | null;
  /** Flagged for a person: no final outcome within its window. */
  readonly needsAttention: boolean;
  readonly attentionReason: string | null;
  readonly nextActions: string[];
  readonly transitions: Transition[];
  readonly attempts: Attempt[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A page of intercepts or redirects. */
export interface Page<Item> {
  readonly data: Item[];
  readonly nextCursor: string | null;
}

/** RFC 9457 problem details with Parcelgate's extensions. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly requestId: string;
  readonly errors?: { readonly pointer: string; readonly detail: string }[];
  readonly reasons?: PolicyReason[];
  readonly carrier?: string;
  readonly capability?: string;
  /** For `operation-not-supported`. */
  readonly availability?: OperationAvailability;
  readonly interceptId?: string;
  readonly redirectId?: string;
  readonly carrierCode?: string;
  readonly retryAfterSeconds?: number;
}

/** `GET /v1/tracking/{carrier}/{trackingNumber}`. */
export interface Tracking {
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly status: string;
  readonly events: { readonly status: string; readonly occurredAt: string }[];
  /** Present when `carrier=auto` chose the carrier. */
  readonly detection?: {
    readonly confidence: 'verified' | 'format';
    readonly carrierOptions?: Record<string, string>;
  };
  readonly deliveryOptions?: DeliveryOption[];
  readonly interception: {
    readonly possible: boolean;
    readonly likelihood: string;
    readonly reasons: PolicyReason[];
    readonly warnings: PolicyReason[];
  };
}

/** One entry of `GET /v1/carriers`. */
export interface CarrierEntry {
  readonly id: string;
  readonly displayName: string;
  readonly operations: string[];
  readonly availability: Readonly<Record<string, OperationAvailability>>;
  readonly target: string;
  readonly capabilities: {
    readonly intercept?: {
      readonly declaredValueLimits: Money[];
      readonly excludedCategories: string[];
    };
    readonly redirect?: { readonly freePerOrder: number };
  };
  /** What requests may set in `carrierOptions`, per operation. */
  readonly requestOptions: {
    readonly key: string;
    readonly description: string;
    readonly operations: string[];
    readonly pattern?: string;
    readonly values?: string[];
    readonly example?: string;
  }[];
}

/** The body of `POST /v1/intercepts` and of its dry run. */
export interface InterceptRequestBody {
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly reason: string;
  readonly pickupMode: string;
  readonly orderRef?: string;
  /** Carrier extras, e.g. Kuaidi100's `com`. */
  readonly carrierOptions?: Readonly<Record<string, string>>;
  readonly parcel?: { readonly declaredValue?: Money; readonly category?: string };
  readonly note?: string;
}

/** The body of `POST /v1/redirects`. */
export interface RedirectRequestBody {
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly orderRef: string;
  readonly reason: string;
  readonly pickupMode?: string;
  readonly newAddress: Address;
  readonly note?: string;
}

/** What was decided for one parcel of an order event. */
export interface ParcelDecision {
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly parcelStatus: string | null;
  readonly ruleId: string | null;
  readonly action: 'intercept' | 'redirect' | 'notify' | null;
  readonly outcome: 'started' | 'not_started' | 'notified' | 'no_rule' | 'in_progress';
  readonly actionId: string | null;
  readonly actionStatus: string | null;
  readonly reasons: PolicyReason[];
}

/** An order event, with its decisions and its deadline. */
export interface OrderEvent {
  readonly id: string;
  readonly externalId: string | null;
  readonly type: string;
  readonly orderRef: string;
  readonly decisions: ParcelDecision[];
  readonly deadline: {
    readonly respondBy: string | null;
    readonly replyBy: string | null;
    readonly status: 'none' | 'on_track' | 'at_risk' | 'missed' | 'met';
    readonly reasons: { readonly code: string; readonly message: string }[];
  };
  readonly evidence: {
    readonly source: string;
    readonly proofOfDelivery: Record<string, string> | null;
    readonly events: { readonly status: string }[];
  }[];
}

/** A rule of the after-sales assistant. */
export interface Rule {
  readonly id: string;
  readonly name: string;
  readonly position: number;
  readonly do: string;
}
