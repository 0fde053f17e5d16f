import type { CarrierModule, CarrierRoute, CarrierWorld } from '../carrier-module.ts';
import { jsonResponse } from '../carrier-response.ts';
import { handleKuaidi100Autonumber } from './kuaidi100-autonumber.ts';
import { KUAIDI100_EXCEPTION_SUB_STATUSES, kuaidi100CodeOf } from './kuaidi100-codes.ts';
import {
  identifyKuaidi100Label,
  identifyKuaidi100Query,
  identifyKuaidi100Subscribe,
} from './kuaidi100-identify.ts';
import { handleKuaidi100Label } from './kuaidi100-label.ts';
import { kuaidi100TrackingNumber } from './kuaidi100-numbers.ts';
import { renderKuaidi100Pushes } from './kuaidi100-pushes.ts';
import { handleKuaidi100Query } from './kuaidi100-query.ts';
import { kuaidi100FaultResponse, kuaidi100RateLimited } from './kuaidi100-sim-errors.ts';
import { handleKuaidi100Subscribe } from './kuaidi100-subscribe.ts';

const NOT_FOUND = jsonResponse(404, { result: false, returnCode: '404', message: 'not found' });

/*
 * Routes are module constants: routing allocates nothing. Kuaidi100 names the parcel (and
 * for interceptOrder the operation) in the form body: each POST route's `identify` reads
 * them once the server has the body, so faults and call counts apply per parcel and
 * operation. The route's own operation is what a body it cannot identify counts as.
 */
const QUERY: CarrierRoute = {
  operation: 'track',
  target: 'query',
  trackingNumber: undefined,
  hasBody: true,
  handle: handleKuaidi100Query,
  identify: identifyKuaidi100Query,
};
const LABEL: CarrierRoute = {
  operation: 'interceptOrder',
  target: 'interceptOrder',
  trackingNumber: undefined,
  hasBody: true,
  handle: handleKuaidi100Label,
  identify: identifyKuaidi100Label,
};
const SUBSCRIBE: CarrierRoute = {
  operation: 'subscribe',
  target: 'poll',
  trackingNumber: undefined,
  hasBody: true,
  handle: handleKuaidi100Subscribe,
  identify: identifyKuaidi100Subscribe,
};
const AUTONUMBER: CarrierRoute = {
  operation: 'autonumber',
  target: 'autonumber',
  trackingNumber: undefined,
  hasBody: false,
  handle: handleKuaidi100Autonumber,
};

function routeKuaidi100(
  method: string,
  path: string,
  _world: CarrierWorld,
): CarrierRoute | undefined {
  if (method === 'POST') {
    switch (path) {
      case '/poll/query.do':
        return QUERY;
      case '/label/order':
        return LABEL;
      case '/poll':
        return SUBSCRIBE;
    }
    return undefined;
  }
  return method === 'GET' && path === '/autonumber/auto' ? AUTONUMBER : undefined;
}

/**
 * Kuaidi100 (快递100), the aggregator: real-time query, number recognition, subscription,
 * `interceptOrder` (return and address change) and signed pushes, over parcels of several
 * underlying carriers told apart by their number format.
 */
export const kuaidi100Carrier: CarrierModule = {
  id: 'kuaidi100',
  issueTrackingNumber: kuaidi100TrackingNumber,
  exceptionSubStatuses: KUAIDI100_EXCEPTION_SUB_STATUSES,
  route: routeKuaidi100,
  notFound: () => NOT_FOUND,
  faultResponse: kuaidi100FaultResponse,
  rateLimitResponse: kuaidi100RateLimited,
  eventCode: kuaidi100CodeOf,
  renderPushes: renderKuaidi100Pushes,
};
