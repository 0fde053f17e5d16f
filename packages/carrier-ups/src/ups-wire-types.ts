/**
 * Names for the UPS wire shapes the adapter uses, taken from the types openapi-typescript
 * generated from UPS's own OpenAPI files (src/generated/, `pnpm generate:types`): nothing
 * here is typed by hand, so a spec change shows up as a compile error.
 */
import type { components as DeliveryIntercept } from './generated/delivery-intercept.ts';
import type { components as OAuth } from './generated/oauth.ts';
import type { components as Tracking } from './generated/tracking.ts';

/** 200 of `POST /security/v1/oauth/token` (OAuthClientCredentials.yaml, CreateToken). */
export type UpsTokenSuccess = OAuth['schemas']['tokenSuccessResponse'];

/** `deliveryDate[]`: SDD, RDD or DEL. */
export type UpsDeliveryDate = Tracking['schemas']['DeliveryDate'];
/** `deliveryInformation`: who signed, where it was left. */
export type UpsDeliveryInformation = Tracking['schemas']['DeliveryInformation'];

/** Body of the intercept actions: return, redirect, cancel (DeliveryInterceptRequestV2). */
export type UpsInterceptRequest = DeliveryIntercept['schemas']['DeliveryInterceptRequestV2'];
/** 200 of the intercept actions, NOT wrapped in `response`; `success` may be false. */
export type UpsInterceptResponse = DeliveryIntercept['schemas']['DeliveryInterceptResponseV2'];
/** 200 of `GET /eligibility/intercept/{tracking_number}`. */
export type UpsEligibilityResponse =
  DeliveryIntercept['schemas']['DeliveryInterceptEligibilityOptionsResponseV2'];
/** Body of `POST /charges/{tracking_number}`. */
export type UpsChargesRequest = DeliveryIntercept['schemas']['DeliveryInterceptChargesRequestV2'];
/** One rating request of a charges call. */
export type UpsRatingRequest = UpsChargesRequest['ratingRequest'][number];
