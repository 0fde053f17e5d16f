/**
 * Names for the UPS wire shapes the adapter uses, taken from the types openapi-typescript
 * generated from UPS's own OpenAPI files (src/generated/, `pnpm generate:types`): nothing
 * here is typed by hand, so a spec change shows up as a compile error.
 */
import type { components as DeliveryIntercept } from './generated/delivery-intercept.ts';
import type { components as OAuth } from './generated/oauth.ts';
import type { components as TrackAlert } from './generated/track-alert.ts';
import type { components as Tracking } from './generated/tracking.ts';

/** 200 of `POST /security/v1/oauth/token` (OAuthClientCredentials.yaml, CreateToken). */
export type UpsTokenSuccess = OAuth['schemas']['tokenSuccessResponse'];
/** 4xx of the token call, and of the Track API: `{ response: { errors: [{ code, message }] } }`. */
export type UpsTokenError = OAuth['schemas']['tokenErrorResponse'];

/** 200 of `GET /track/v1/details/{inquiryNumber}` (Tracking.yaml, getSingleTrackResponseUsingGET). */
export type UpsTrackApiResponse = Tracking['schemas']['TrackApiResponse'];
/** One shipment of a track answer; `warnings` carries TW0001 for unknown numbers. */
export type UpsTrackShipment = Tracking['schemas']['Shipment'];
/** One package of a shipment. */
export type UpsTrackPackage = Tracking['schemas']['Package'];
/** One scan, newest first on the wire. */
export type UpsActivity = Tracking['schemas']['Activity'];
/** An activity's status: `type` is the letter we map (D, I, M, ...). */
export type UpsStatus = Tracking['schemas']['Status'];
/** A scan's place. */
export type UpsAddress = Tracking['schemas']['Address'];
/** `deliveryDate[]`: SDD, RDD or DEL. */
export type UpsDeliveryDate = Tracking['schemas']['DeliveryDate'];
/** `deliveryInformation`: who signed, where it was left. */
export type UpsDeliveryInformation = Tracking['schemas']['DeliveryInformation'];
/** `packageAddress[]`: ORIGIN and DESTINATION. */
export type UpsPackageAddress = Tracking['schemas']['PackageAddress'];

/** Body of the intercept actions: return, redirect, cancel (DeliveryInterceptRequestV2). */
export type UpsInterceptRequest = DeliveryIntercept['schemas']['DeliveryInterceptRequestV2'];
/** 200 of the intercept actions, NOT wrapped in `response`; `success` may be false. */
export type UpsInterceptResponse = DeliveryIntercept['schemas']['DeliveryInterceptResponseV2'];
/** 4xx of the Delivery Intercept API, wrapped: `{ response: { errors: [{ code, message }] } }`. */
export type UpsInterceptErrorResponse =
  DeliveryIntercept['schemas']['DeliveryInterceptErrorResponseV2'];
/** 200 of `GET /eligibility/intercept/{tracking_number}`. */
export type UpsEligibilityResponse =
  DeliveryIntercept['schemas']['DeliveryInterceptEligibilityOptionsResponseV2'];
/** Body of `POST /charges/{tracking_number}`. */
export type UpsChargesRequest = DeliveryIntercept['schemas']['DeliveryInterceptChargesRequestV2'];
/** One rating request of a charges call. */
export type UpsRatingRequest = UpsChargesRequest['ratingRequest'][number];
/** 200 of the charges call. */
export type UpsChargesResponse = DeliveryIntercept['schemas']['DeliveryInterceptChargesResponseV2'];
/** An address as the Delivery Intercept API takes it. */
export type UpsInterceptAddress = DeliveryIntercept['schemas']['DeliveryInterceptAddressV2'];

/** The body of a Track Alert push (UPSTrackAlert.yaml, webhooks.TrackingEvent). */
export type UpsTrackingEventPush = TrackAlert['schemas']['TrackingEventRequest'];
