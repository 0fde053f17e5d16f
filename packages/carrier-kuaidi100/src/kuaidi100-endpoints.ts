import type { CarrierEndpoints } from '@parcelgate/carrier-kit';

/**
 * Kuaidi100's hosts. The default, poll.kuaidi100.com, serves the real-time query and
 * subscriptions (php-demo src/synquery.php, src/subscribe.php); the label API with
 * `interceptOrder` lives on api.kuaidi100.com (src/interceptorder.php) and number
 * recognition on www.kuaidi100.com (java-demo ApiInfoConstant.AUTO_NUM_URL). Kuaidi100
 * publishes no test environment.
 */
export const kuaidi100Endpoints = {
  production: 'https://poll.kuaidi100.com',
  hosts: {
    /** The label (电子面单) API: `label/order?method=interceptOrder`. */
    label: { production: 'https://api.kuaidi100.com' },
    /** Number recognition (智能单号识别): `autonumber/auto`. */
    autonumber: { production: 'https://www.kuaidi100.com' },
  },
} as const satisfies CarrierEndpoints;

/** A host named in {@link kuaidi100Endpoints}; requests without one go to the default. */
export type Kuaidi100Host = keyof typeof kuaidi100Endpoints.hosts;
