/** The adapter's id: URLs, configuration keys (`CARRIER_USPS_*`), metrics. */
export const USPS_CARRIER_ID = 'usps';

/** `POST /oauth2/v3/token` on apis.usps.com / apis-tem.usps.com (OAuth 2.0 v3). */
export const USPS_TOKEN_PATH = '/oauth2/v3/token';

/** `POST /tracking/v3r2/tracking`: an array of numbers in, an array of results out. */
export const USPS_TRACK_PATH = '/tracking/v3r2/tracking';

/**
 * The most numbers one tracking call carries. USPS's Track APIs have long taken 35 per
 * request; the v3r2 page on developers.usps.com was not available to confirm it for v3r2,
 * so this is the documented limit of the API's predecessor (see the README).
 */
export const USPS_MAX_PER_CALL = 35;
