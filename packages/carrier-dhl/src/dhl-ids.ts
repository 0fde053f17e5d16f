/** The adapter's id: URLs, configuration keys (`CARRIER_DHL_*`), metrics. */
export const DHL_CARRIER_ID = 'dhl';

/** `GET /track/shipments` on api-eu.dhl.com (Shipment Tracking - Unified, operation `getShipments`). */
export const DHL_TRACK_PATH = '/track/shipments';
