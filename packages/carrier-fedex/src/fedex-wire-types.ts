/**
 * The parts of FedEx's Track API the adapter sends and reads, written from FedEx's
 * OpenAPI document "Basic Integrated Visibility" 1.0.0 (`POST /track/v1/trackingnumbers`,
 * schemas named in each comment). FedEx publishes the document without a licence for
 * redistribution, so it is not copied here: only the fields used, typed as the document
 * types them, every one optional on answers (FedEx leaves out what it has no value for).
 */

/** `Full_Schema_Tracking_Numbers`: the request body; at most 30 `trackingInfo` entries. */
export interface FedexTrackRequestBody {
  readonly includeDetailedScans: boolean;
  readonly trackingInfo: readonly {
    readonly trackingNumberInfo: { readonly trackingNumber: string };
  }[];
}

/** `TrkcResponseVO_TrackingNumber`: the 200 answer. */
export interface FedexTrackResponse {
  readonly transactionId?: string;
  readonly customerTransactionId?: string;
  readonly output?: {
    readonly completeTrackResults?: readonly FedexCompleteTrackResult[];
    readonly alerts?: readonly FedexErrorWire[];
  };
}

/** `CompleteTrackResult`: one asked number and its results (several for duplicates). */
export interface FedexCompleteTrackResult {
  readonly trackingNumber?: string;
  readonly trackResults?: readonly FedexTrackResult[];
}

/** `TrackResult`, the fields tracking reads. */
export interface FedexTrackResult {
  readonly trackingNumberInfo?: { readonly trackingNumber?: string; readonly carrierCode?: string };
  readonly latestStatusDetail?: FedexStatusDetail;
  readonly scanEvents?: readonly FedexScanEvent[];
  readonly dateAndTimes?: readonly { readonly type?: string; readonly dateTime?: string }[];
  readonly deliveryDetails?: FedexDeliveryDetails;
  readonly shipperInformation?: { readonly address?: FedexAddress };
  readonly recipientInformation?: { readonly address?: FedexAddress };
  /** `CXSError`: this number's failure inside a 200 (e.g. `TRACKING.TRACKINGNUMBER.NOTFOUND`). */
  readonly error?: FedexErrorWire;
}

/** `StatusDetail`: the package's latest status. */
export interface FedexStatusDetail {
  /** e.g. `PU`, `DE`, `DP`, `HL`, `OC`. */
  readonly code?: string;
  readonly derivedCode?: string;
  readonly statusByLocale?: string;
  readonly description?: string;
  readonly scanLocation?: FedexAddress;
  readonly ancillaryDetails?: readonly FedexAncillaryDetail[];
}

/** `StatusAncillaryDetail`: why a package is in exception, and what the customer can do. */
export interface FedexAncillaryDetail {
  readonly reason?: string;
  readonly reasonDescription?: string;
  readonly action?: string;
  readonly actionDescription?: string;
}

/** `ScanEvent`: one scan. */
export interface FedexScanEvent {
  /** ISO 8601 with offset, e.g. `2018-02-02T12:01:00-07:00`. */
  readonly date?: string;
  /** The scan code, e.g. `PU`, `AR`, `DP`, `OD`, `DL`, `DE`. */
  readonly eventType?: string;
  readonly eventDescription?: string;
  readonly derivedStatus?: string;
  readonly derivedStatusCode?: string;
  readonly exceptionCode?: string;
  readonly exceptionDescription?: string;
  readonly scanLocation?: FedexAddress;
  readonly locationType?: string;
}

/** `DeliveryDetails`: proof of delivery and the delivery options FedEx offers. */
export interface FedexDeliveryDetails {
  readonly receivedByName?: string;
  readonly signedByName?: string;
  readonly locationDescription?: string;
  readonly actualDeliveryAddress?: FedexAddress;
  readonly deliveryAttempts?: string;
  readonly deliveryOptionEligibilityDetails?: readonly {
    /** `DeliveryOptionElgibilityDetails.option`, see `FEDEX_DELIVERY_OPTIONS`. */
    readonly option?: string;
    /** e.g. `ELIGIBLE`, `INELIGIBLE`, `POSSIBLY_ELIGIBLE`. */
    readonly eligibility?: string;
  }[];
}

/** `AddressVO1`. */
export interface FedexAddress {
  readonly streetLines?: readonly string[];
  readonly city?: string;
  readonly stateOrProvinceCode?: string;
  readonly postalCode?: string;
  readonly countryCode?: string;
}

/** `CXSError` / `Alert`: `{ code, message }`. */
export interface FedexErrorWire {
  readonly code?: string;
  readonly message?: string;
}
