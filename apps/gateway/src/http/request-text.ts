import type { FastifyInstance } from 'fastify';
import { type InvalidField, ProblemError } from '../problems.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route takes a third party's input as it is (a carrier's push, verified over its
     * exact bytes) and makes what it stores storable itself: its text is not checked.
     */
    uncheckedText?: true;
  }
}

/**
 * C0 control characters other than tab, line feed and carriage return: never meaningful in
 * an API field, and NUL cannot even be stored (PostgreSQL refuses it in text and jsonb).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
/** A UTF-16 surrogate without its pair: JSON can carry one (`"\ud800"`), jsonb refuses it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Enough to show a client what is wrong without answering a huge list. */
const MAX_REPORTED = 20;

/** Why a string may not be taken, or undefined when it may. */
export function textFault(text: string): string | undefined {
  if (CONTROL_CHARACTER.test(text)) {
    return 'must not contain control characters (U+0000 to U+001F other than tab, line feed and carriage return)';
  }
  if (LONE_SURROGATE.test(text)) {
    return 'must be well-formed Unicode (it holds a lone surrogate)';
  }
  return undefined;
}

/**
 * Every string in `value` (at any depth, object keys included) that {@link textFault}
 * refuses, as JSON pointers below `root`. Walks with its own stack, not by recursion:
 * a 64 KiB body can nest thousands of arrays deep.
 */
export function findBadText(value: unknown, root: string): InvalidField[] {
  const found: InvalidField[] = [];
  // Each entry: a value, its pointer, and the field name it is under (checked first).
  const pending: [unknown, string, string | undefined][] = [[value, root, undefined]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (found.length >= MAX_REPORTED) {
      break;
    }
    const [current, pointer, key] = next;
    const keyFault = key === undefined ? undefined : textFault(key);
    if (keyFault !== undefined) {
      found.push({ pointer, detail: `is a field name that ${keyFault}` });
    } else if (typeof current === 'string') {
      const fault = textFault(current);
      if (fault !== undefined) {
        found.push({ pointer, detail: fault });
      }
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) {
        pending.push([current[index], `${pointer}/${index}`, undefined]);
      }
    } else if (typeof current === 'object' && current !== null) {
      for (const [name, inner] of Object.entries(current).reverse()) {
        pending.push([inner, `${pointer}/${escapePointer(name)}`, name]);
      }
    }
  }
  return found;
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * Refuses, before validation and so before anything is stored or any carrier is called,
 * a request whose path parameters, query or JSON body hold a string {@link textFault}
 * refuses: a 400 `validation-failed` naming each such field. One hook for every route, so
 * no route (nor a field added later) can forget it.
 */
export function installRequestTextCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.config.uncheckedText === true) {
      return;
    }
    const errors = [
      ...findBadText(request.params, '/params'),
      ...findBadText(request.query, '/query'),
      ...findBadText(request.body, ''),
    ];
    if (errors.length > 0) {
      throw new ProblemError(
        'validation-failed',
        errors.map((field) => `${field.pointer}: ${field.detail}`).join('; '),
        { errors },
      );
    }
  });
}
