import type { CredentialSpec } from '@parcelgate/carrier-kit';
import type { InvalidField } from '../problems.ts';
import type { CredentialHint } from '../store/connections.ts';

/** Credentials as a client sends them on create or update: `null` removes a field. */
export type CredentialInput = Readonly<Record<string, string | null>>;

/** The checked credentials, or the fields at fault. */
export type CheckedCredentials =
  | { readonly ok: true; readonly values: Readonly<Record<string, string>> }
  | { readonly ok: false; readonly errors: readonly InvalidField[] };

/**
 * Checks credentials against the adapter's declared spec: every key must be one the
 * adapter declares, every required one present. `current` (on update) is what is stored
 * already: the input changes it field by field, so rotating one secret does not mean
 * sending all the others again. Error details name fields, never values.
 */
export function checkCredentials(
  spec: CredentialSpec,
  input: CredentialInput,
  current: Readonly<Record<string, string>> = {},
): CheckedCredentials {
  const errors: InvalidField[] = [];
  const known = new Set(spec.map((field) => field.key));
  const values: Record<string, string> = { ...current };
  for (const [key, value] of Object.entries(input)) {
    if (!known.has(key)) {
      errors.push({
        pointer: `/credentials/${escapePointer(key)}`,
        detail: `not a credential of this carrier; expected one of: ${[...known].join(', ')}`,
      });
    } else if (value === null) {
      delete values[key];
    } else if (value.trim() === '') {
      errors.push({ pointer: `/credentials/${escapePointer(key)}`, detail: 'must not be empty' });
    } else {
      values[key] = value.trim();
    }
  }
  for (const field of spec) {
    if (field.required && values[field.key] === undefined) {
      errors.push({
        pointer: `/credentials/${escapePointer(field.key)}`,
        detail: `is required: ${field.description}`,
      });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values };
}

/** Characters of a secret a hint may show: enough to tell two keys apart, no more. */
const HINT_VISIBLE = 4;
/** Secrets shorter than this show no character at all. */
const HINT_MIN_LENGTH = 12;

/**
 * What the API shows of stored credentials: non-secret settings as they are (the adapter
 * declares them not secret: account numbers, return addresses), secrets only as a hint
 * such as `••••3f9a` (nothing of a short secret).
 */
export function credentialHints(
  spec: CredentialSpec,
  values: Readonly<Record<string, string>>,
): Record<string, CredentialHint> {
  const hints: Record<string, CredentialHint> = {};
  for (const field of spec) {
    const value = values[field.key];
    if (value === undefined) {
      continue;
    }
    hints[field.key] = field.secret
      ? {
          secret: true,
          hint: value.length >= HINT_MIN_LENGTH ? `••••${value.slice(-HINT_VISIBLE)}` : '••••',
        }
      : { secret: false, value };
  }
  return hints;
}

/** The secret values among credentials: redacted from every log line. */
export function secretValues(
  spec: CredentialSpec,
  values: Readonly<Record<string, string>>,
): string[] {
  return spec
    .filter((field) => field.secret)
    .map((field) => values[field.key])
    .filter((value): value is string => value !== undefined);
}

/** RFC 6901: `~` and `/` in a key are escaped in a pointer. */
function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
