/**
 * Parcelgate adapter for Kuaidi100 (快递100). The gateway loads this package by name and
 * uses its default export.
 *
 * @packageDocumentation
 */
export { KUAIDI100_ACKNOWLEDGEMENT } from './kuaidi100-callbacks.ts';
export { kuaidi100Carrier as default, kuaidi100Carrier } from './kuaidi100-carrier.ts';
export { KUAIDI100_COMPANY_NAMES } from './kuaidi100-companies.ts';
export type { Kuaidi100Credentials } from './kuaidi100-credentials.ts';
export {
  signKuaidi100Label,
  signKuaidi100Push,
  signKuaidi100Query,
  verifyKuaidi100PushSign,
} from './kuaidi100-sign.ts';
export { KUAIDI100_STATES, KUAIDI100_STATUS_CODES } from './map-kuaidi100-state.ts';
