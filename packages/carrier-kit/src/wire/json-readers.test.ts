import { describe, expect, it } from 'vitest';
import { jsonReaders, safeString } from './json-readers.ts';

const { readObject, readOptionalObject, readArray, readOptionalString, readOptionalBoolean } =
  jsonReaders('acme');

describe('jsonReaders', () => {
  it('reads what is there and treats absent, null and empty as absent', () => {
    expect(readObject({ a: 1 }, 'x')).toEqual({ a: 1 });
    expect(readOptionalObject(null, 'x')).toBeUndefined();
    expect(readArray(undefined, 'x')).toEqual([]);
    expect(readOptionalString(' 07 ', 'x')).toBe('07');
    expect(readOptionalString(21, 'x')).toBe('21');
    expect(readOptionalString('', 'x')).toBeUndefined();
    expect(readOptionalBoolean(false, 'x')).toBe(false);
  });

  it('names the carrier and the path, never the value, when a field has the wrong shape', () => {
    expect(() => readObject('private@example.com', 'output.recipient')).toThrow(
      new TypeError('acme: output.recipient must be an object'),
    );
    expect(() => readArray({}, 'events')).toThrow('acme: events must be an array');
    expect(() => readOptionalString({}, 'code')).toThrow('acme: code must be a string');
    expect(() => readOptionalBoolean('yes', 'signed')).toThrow('acme: signed must be a boolean');
  });

  it('reads error bodies without ever throwing', () => {
    expect(safeString(' no ')).toBe('no');
    expect(safeString({})).toBeUndefined();
  });
});
