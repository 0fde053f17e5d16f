import type { CarrierRequest, CarrierWorld } from '../carrier-module.ts';
import { type CarrierResponse, jsonResponse } from '../carrier-response.ts';
import { KUAIDI100_SIM_COMPANY_NAMES, kuaidi100CompanyOf } from './kuaidi100-numbers.ts';
import { checkKey } from './kuaidi100-sim-auth.ts';

const NO_CANDIDATE = jsonResponse(200, []);

/**
 * `GET /autonumber/auto?num=&key=` (智能单号识别): the companies whose format the number
 * has, best first, as `[{comCode, name, lengthPre, noPre, noCount}]`; `[]` when none.
 */
export function handleKuaidi100Autonumber(
  request: CarrierRequest,
  _world: CarrierWorld,
): CarrierResponse {
  const query = new URLSearchParams(request.query);
  const denied = checkKey(query.get('key'));
  if (denied !== undefined) {
    return denied;
  }
  const num = query.get('num') ?? '';
  const comCode = kuaidi100CompanyOf(num);
  if (comCode === undefined) {
    return NO_CANDIDATE;
  }
  return jsonResponse(200, [
    {
      comCode,
      name: KUAIDI100_SIM_COMPANY_NAMES[comCode],
      lengthPre: String(num.length),
      noPre: num.slice(0, 2),
      noCount: 1000,
    },
  ]);
}
