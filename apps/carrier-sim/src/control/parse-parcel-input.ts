import type { CarrierModule } from '../carriers/carrier-module.ts';
import type { Money } from '../model/parcel.ts';
import {
  type ExceptionSubStatus,
  isExceptionSubStatus,
  isSimStatus,
  SIM_STATUSES,
} from '../model/statuses.ts';
import type { ParcelSpec } from '../simulator.ts';
import {
  asObject,
  InputError,
  type InputObject,
  readString,
  rejectUnknownFields,
} from './input-error.ts';

const FIELDS = ['carrier', 'status', 'subStatus', 'declaredValue', 'category', 'account'];
/** Longest account: room for any carrier's credential (an API key, a client id, ...). */
const MAX_ACCOUNT_LENGTH = 128;
const AMOUNT = /^\d{1,12}(\.\d{1,4})?$/;
const CURRENCY = /^[A-Z]{3}$/;

/** Validates the body of `POST /__sim/parcels`. */
export function parseParcelInput(
  input: InputObject,
  carriers: ReadonlyMap<string, CarrierModule>,
): ParcelSpec {
  rejectUnknownFields(input, FIELDS);
  const carrierId = readString(input.carrier, 'carrier', 40);
  const carrier = carriers.get(carrierId);
  if (carrier === undefined) {
    throw new InputError(
      'carrier',
      `unknown carrier ${carrierId}; known: ${[...carriers.keys()].join(', ')}`,
    );
  }
  if (!isSimStatus(input.status)) {
    throw new InputError('status', `status must be one of ${SIM_STATUSES.join(', ')}`);
  }
  const status = input.status;
  return {
    carrier: carrier.id,
    status,
    subStatus: parseSubStatus(input.subStatus, status === 'exception', carrier),
    category:
      input.category === undefined || input.category === null
        ? null
        : readString(input.category, 'category', 64),
    declaredValue: parseMoney(input.declaredValue),
    account:
      input.account === undefined || input.account === null
        ? null
        : readString(input.account, 'account', MAX_ACCOUNT_LENGTH),
  };
}

function parseSubStatus(
  value: unknown,
  isException: boolean,
  carrier: CarrierModule,
): ExceptionSubStatus | null {
  if (value === undefined || value === null) {
    return isException ? (carrier.exceptionSubStatuses[0] ?? 'other') : null;
  }
  if (!isException) {
    throw new InputError('subStatus', 'subStatus is only allowed with status exception');
  }
  if (!isExceptionSubStatus(value) || !carrier.exceptionSubStatuses.includes(value)) {
    throw new InputError(
      'subStatus',
      `subStatus must be one of ${carrier.exceptionSubStatuses.join(', ')} (what carrier ${carrier.id} can express)`,
    );
  }
  return value;
}

function parseMoney(value: unknown): Money | null {
  if (value === undefined || value === null) {
    return null;
  }
  const money = asObject(value, 'declaredValue');
  rejectUnknownFields(money, ['amount', 'currency'], 'declaredValue.');
  if (typeof money.amount !== 'string' || !AMOUNT.test(money.amount)) {
    throw new InputError(
      'declaredValue.amount',
      'declaredValue.amount must be a decimal string such as "999.00"',
    );
  }
  if (typeof money.currency !== 'string' || !CURRENCY.test(money.currency)) {
    throw new InputError(
      'declaredValue.currency',
      'declaredValue.currency must be an ISO 4217 code such as "CNY"',
    );
  }
  return { amount: money.amount, currency: money.currency };
}
