/**
 * Renders the SDK's problem table and guards from the OpenAPI document's `x-problem-types`
 * (the gateway's table of problem types, written into the document by the gateway), so the
 * SDK never keeps its own copy. Used by scripts/generate.ts.
 */

/** One problem type as the document lists it. */
export interface DocumentedProblemType {
  readonly slug: string;
  readonly type: string;
  readonly status: number;
  readonly title: string;
  readonly description: string;
  readonly audience: 'clients' | 'carriers';
}

/**
 * Notes that concern the SDK rather than the API, appended to a guard's TSDoc. A note for a
 * type the document lacks fails the generation, so none outlives its type.
 */
const SDK_NOTES: Readonly<Record<string, string>> = {
  'idempotency-key-missing': 'The SDK always sends one.',
  'parcel-not-registered': 'Register it with `client.parcels.register`.',
  'idempotency-request-in-progress': 'The SDK retries it itself.',
  'rate-limited': 'The SDK retries it itself.',
  'database-unavailable': 'The SDK retries it itself.',
};

const HEADER = [
  '// Generated from openapi/parcelgate.yaml (`x-problem-types`) by scripts/generate.ts.',
  '// Do not edit: regenerate with `pnpm sdk:generate`.',
].join('\n');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The document's problem types, in its order; throws when the extension is missing or malformed. */
export function documentedProblemTypes(document: unknown): DocumentedProblemType[] {
  const table = isRecord(document) ? document['x-problem-types'] : undefined;
  if (!isRecord(table) || Object.keys(table).length === 0) {
    throw new Error('the OpenAPI document has no x-problem-types table');
  }
  return Object.entries(table).map(([slug, entry]) => {
    const { type, status, title, description, audience } = isRecord(entry) ? entry : {};
    if (
      typeof type !== 'string' ||
      !type.endsWith(`/${slug}`) ||
      typeof status !== 'number' ||
      typeof title !== 'string' ||
      typeof description !== 'string' ||
      (audience !== 'clients' && audience !== 'carriers')
    ) {
      throw new Error(`x-problem-types.${slug} is malformed: ${JSON.stringify(entry)}`);
    }
    return { slug, type, status, title, description, audience };
  });
}

/** `carrier-rate-limited` → `isCarrierRateLimited`. */
export function guardName(slug: string): string {
  return `is${slug
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('')}`;
}

/** The common prefix of every problem type URI, e.g. `https://parcelgate.dev/problems/`. */
function typeBase(types: readonly DocumentedProblemType[]): string {
  const bases = new Set(types.map(({ type, slug }) => type.slice(0, -slug.length)));
  const [base, ...others] = bases;
  if (base === undefined || others.length > 0) {
    throw new Error(`problem type URIs do not share one base: ${[...bases].join(', ')}`);
  }
  return base;
}

/** A TSDoc block, kept on one line when it fits in 100 columns. */
function docComment(text: string, indent = ''): string {
  const line = `${indent}/** ${text} */`;
  return line.length <= 100 ? line : `${indent}/**\n${indent} * ${text}\n${indent} */`;
}

/** src/generated/problem-types.ts: the base URI and the clients' problem types with their status. */
export function renderProblemTypes(types: readonly DocumentedProblemType[]): string {
  const forClients = types.filter(({ audience }) => audience === 'clients');
  const rows = forClients.map(
    ({ slug, status, title }) =>
      `${docComment(title, '  ')}\n  ${/^[a-z]+$/.test(slug) ? slug : `'${slug}'`}: ${status},`,
  );
  return `${HEADER}

/**
 * The API's problem types (RFC 9457): stable slugs after {@link PROBLEM_TYPE_BASE}. Match on
 * these, never on \`title\` or \`detail\`.
 */
export const PROBLEM_TYPE_BASE = '${typeBase(types)}';

/**
 * Every problem type the API answers its clients, with its HTTP status. The problems of the
 * carrier-callback endpoints are answered to carriers only, so are not here.
 */
export const PROBLEM_TYPES = {
${rows.join('\n')}
} as const satisfies Record<string, number>;

/** One of the API's problem slugs, e.g. \`not-eligible\`. */
export type ProblemType = keyof typeof PROBLEM_TYPES;
`;
}

/** src/generated/problem-guards.ts: one `is<Type>` guard per problem type of the clients. */
export function renderProblemGuards(types: readonly DocumentedProblemType[]): string {
  const forClients = types.filter(({ audience }) => audience === 'clients');
  const unknownNotes = Object.keys(SDK_NOTES).filter(
    (slug) => !forClients.some((type) => type.slug === slug),
  );
  if (unknownNotes.length > 0) {
    throw new Error(`SDK notes name problem types the document lacks: ${unknownNotes.join(', ')}`);
  }
  const guards = forClients.map(({ slug, status, description }) => {
    const note = SDK_NOTES[slug];
    const text = `Problem \`${slug}\` (${status}): ${description}${note === undefined ? '' : ` ${note}`}`;
    const name = guardName(slug);
    const signature = `export function ${name}(value: unknown): value is ProblemErrorOf<'${slug}'> {`;
    return `${docComment(text)}
${
  signature.length <= 100
    ? signature
    : `export function ${name}(\n  value: unknown,\n): value is ProblemErrorOf<'${slug}'> {`
}
  return isProblem(value, '${slug}');
}`;
  });
  return `${HEADER}

import { isProblem, type ProblemErrorOf } from '../errors/problem-error.ts';

${guards.join('\n\n')}
`;
}
