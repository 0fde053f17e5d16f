/**
 * The admin channel's messages: one JSON request per HTTP `POST /admin` on the gateway's
 * Unix socket, answered `{ "result": ... }` (200) or `{ "error": "..." }` (400, 500).
 */
import type { AdminOperations } from './admin-operations.ts';

/** One admin command, as sent over the channel. */
export type AdminRequest =
  | { readonly op: 'migrate' }
  | { readonly op: 'keys.create'; readonly tenant: string; readonly label?: string }
  | { readonly op: 'keys.revoke'; readonly keyId: string }
  | { readonly op: 'keys.list'; readonly tenant?: string };

/** A request the channel cannot run; answered 400 with its message. */
export class AdminRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdminRequestError';
  }
}

/** The request in `value`; throws `AdminRequestError` saying what is wrong with it. */
export function parseAdminRequest(value: unknown): AdminRequest {
  const fields = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const optional = (name: string): string | undefined => {
    const field = fields[name];
    if (field === undefined) {
      return undefined;
    }
    if (typeof field !== 'string' || field.trim() === '') {
      throw new AdminRequestError(`${name} must be a non-empty string`);
    }
    return field;
  };
  const required = (name: string): string => {
    const field = optional(name);
    if (field === undefined) {
      throw new AdminRequestError(`${name} is required`);
    }
    return field;
  };
  switch (fields.op) {
    case 'migrate':
      return { op: 'migrate' };
    case 'keys.create': {
      const label = optional('label');
      return {
        op: 'keys.create',
        tenant: required('tenant'),
        ...(label === undefined ? {} : { label }),
      };
    }
    case 'keys.revoke':
      return { op: 'keys.revoke', keyId: required('keyId') };
    case 'keys.list': {
      const tenant = optional('tenant');
      return { op: 'keys.list', ...(tenant === undefined ? {} : { tenant }) };
    }
    default:
      throw new AdminRequestError('op must be one of migrate, keys.create, keys.revoke, keys.list');
  }
}

/** Runs a request on `operations`; its result is what the answer carries. */
export async function runAdminRequest(
  operations: AdminOperations,
  request: AdminRequest,
): Promise<unknown> {
  switch (request.op) {
    case 'migrate':
      return operations.migrate();
    case 'keys.create':
      return operations.createKey(request.tenant, request.label);
    case 'keys.revoke':
      return operations.revokeKey(request.keyId);
    case 'keys.list':
      return operations.listKeys(request.tenant);
  }
}
