import type { CarrierContext } from '@parcelgate/carrier-kit';
import { isCarrierErrorOfKind } from '@parcelgate/carrier-kit';
import { trackDhlParcel } from './dhl-track.ts';

/**
 * A number no DHL division issues (ten zeros): DHL answers it "No result found" once it
 * accepted the key, and 401 before looking when it did not.
 */
export const DHL_PROBE_NUMBER = '0000000000';

/**
 * Proves the API key with the cheapest call DHL has, a tracking query for
 * {@link DHL_PROBE_NUMBER}: a 404 "No result found" (or any shipment) means DHL accepted
 * the key; 401 is `CarrierAuthenticationError`; 429, 5xx and lost connections keep their
 * classification (the test could not tell). It costs one call of the app's daily quota.
 */
export async function verifyDhlCredentials(ctx: CarrierContext): Promise<void> {
  try {
    await trackDhlParcel(ctx, { trackingNumber: DHL_PROBE_NUMBER });
  } catch (error) {
    if (isCarrierErrorOfKind(error, 'not-found')) {
      return;
    }
    throw error;
  }
}
