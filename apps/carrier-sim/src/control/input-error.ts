/** Invalid control API input; answered as 400 with the offending field named. */
export class InputError extends Error {
  /** Path of the field in the body, e.g. `fault.retryAfter`. */
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = 'InputError';
    this.field = field;
  }
}

/** A control API body: a JSON object, or an empty body read as `{}`. */
export type InputObject = Readonly<Record<string, unknown>>;

/** Parses a control body; an empty body is an empty object, so `{}` can be omitted. */
export function parseInput(body: Buffer): InputObject {
  if (body.length === 0) {
    return {};
  }
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new InputError('body', 'body is not valid JSON');
  }
  return asObject(value, 'body');
}

/** Narrows to a plain object or throws naming `field`. */
export function asObject(value: unknown, field: string): InputObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(field, `${field} must be a JSON object`);
  }
  return value as InputObject;
}

/** Refuses fields not in `allowed`, so a typo fails loudly instead of being ignored. */
export function rejectUnknownFields(
  input: InputObject,
  allowed: readonly string[],
  prefix = '',
): void {
  for (const key of Object.keys(input)) {
    if (!allowed.includes(key)) {
      throw new InputError(
        `${prefix}${key}`,
        `unknown field ${prefix}${key}; expected one of ${allowed.join(', ')}`,
      );
    }
  }
}

/** Reads an integer in a range or throws naming `field`. */
export function readInteger(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InputError(field, `${field} must be an integer from ${min} to ${max}`);
  }
  return value;
}

/** Reads a non-empty string of bounded length or throws naming `field`. */
export function readString(value: unknown, field: string, maxLength = 200): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > maxLength) {
    throw new InputError(field, `${field} must be a string of 1 to ${maxLength} characters`);
  }
  return value;
}
