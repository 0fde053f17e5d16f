/** Shapes the tests read; casts of parsed JSON, checked by the assertions themselves. */

/** A sandbox or control API error body. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly field?: string };
}

/** One sandbox tracking event. */
export interface SandboxEvent {
  readonly code: string;
  readonly description: string;
  readonly time: string;
  readonly location: { readonly city: string; readonly country: string };
}

/** The sandbox's `GET /v1/parcels/{trackingNumber}` body. */
export interface SandboxParcelBody {
  readonly trackingNumber: string;
  readonly statusCode: string;
  readonly estimatedDelivery: string | null;
  readonly destination: {
    readonly city: string;
    readonly region: string;
    readonly country: string;
    readonly postalCode: string;
  };
  readonly events: readonly SandboxEvent[];
  readonly proofOfDelivery: {
    readonly signedBy: string;
    readonly photoUrl: string;
    readonly deliveredAt: string;
  } | null;
}

/** Counts of the operations the simulator counts. */
export interface CallCountsBody {
  readonly track: number;
  readonly intercept: number;
  readonly redirect: number;
  readonly cancelIntercept?: number;
  readonly cancelRedirect?: number;
  readonly quoteFee?: number;
}

/** The control API's parcel view. */
export interface ParcelViewBody {
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly account: string | null;
  readonly status: string;
  readonly subStatus: string | null;
  readonly destination: { readonly city: string; readonly line1: string | null };
  readonly events: readonly {
    readonly kind: string;
    readonly code: string;
    readonly time: string;
  }[];
  readonly intercept: {
    readonly id: string;
    readonly state: string;
    readonly reference: string;
  } | null;
  readonly interceptAttempts: number;
  readonly redirects: readonly {
    readonly id: string;
    readonly reference: string;
    readonly state?: string;
  }[];
  readonly calls: CallCountsBody;
  readonly callsByAccount: Readonly<Record<string, CallCountsBody>>;
}
