/**
 * The kinds of environment variable the gateway reads, as TypeBox schemas carrying what
 * the documentation shows (description, default, bounds, whether it is a secret), and the
 * one reader that turns a raw environment into typed values with a problem per variable.
 */
import {
  type Static,
  type TArray,
  type TBoolean,
  type TEnum,
  type TInteger,
  type TNumber,
  type TObject,
  type TOptional,
  type TProperties,
  type TSchema,
  type TSchemaOptions,
  type TString,
  Type,
} from 'typebox';
import Value from 'typebox/value';

/** What every variable declares besides its type, for validation and for the docs. */
export interface VariableNotes {
  /** What it does, in Markdown, as docs/configuration.md shows it. */
  readonly description: string;
  /** Never echoed in a problem, a log line or the start banner. */
  readonly secret?: boolean;
  /** The default in words, when it is not a constant (`the tenant's`, `unset: ...`). */
  readonly defaultText?: string;
  /** Shown in the README's short table of the variables a deployment sets first. */
  readonly essential?: boolean;
}

/** The extra keywords a variable's schema carries. */
interface VariableKeywords extends VariableNotes {
  /** For strings: what a valid value is, completing "NAME must be ...". */
  readonly expectation?: string;
}

const HTTP_URL = '^https?://\\S+$';

type Bounds = { readonly minimum: number; readonly maximum: number };

/** A whole number within bounds; `default` omitted makes it optional (unset: undefined). */
export function wholeNumber(
  options: Bounds & VariableNotes & { readonly default: number },
): TInteger;
export function wholeNumber(options: Bounds & VariableNotes): TOptional<TInteger>;
export function wholeNumber(
  options: Bounds & VariableNotes & { readonly default?: number },
): TInteger | TOptional<TInteger> {
  const schema = Type.Integer({ ...options } as TSchemaOptions);
  return options.default === undefined ? Type.Optional(schema) : schema;
}

/** A number above `above` and at most `maximum`, fractions allowed. */
export function decimal(
  options: { readonly above: number; readonly maximum: number } & VariableNotes & {
      readonly default: number;
    },
): TNumber;
export function decimal(
  options: { readonly above: number; readonly maximum: number } & VariableNotes,
): TOptional<TNumber>;
export function decimal(
  options: { readonly above: number; readonly maximum: number } & VariableNotes & {
      readonly default?: number;
    },
): TNumber | TOptional<TNumber> {
  const { above, ...rest } = options;
  const schema = Type.Number({ ...rest, exclusiveMinimum: above } as TSchemaOptions);
  return options.default === undefined ? Type.Optional(schema) : schema;
}

/** `true` or `false`, `false` when unset. */
export function flag(options: VariableNotes): TBoolean {
  return Type.Boolean({ ...options, default: false } as TSchemaOptions);
}

/** One of a few words. */
export function oneOf<const Values extends readonly string[]>(
  values: Values,
  options: VariableNotes & { readonly default: Values[number] },
): TEnum<[...Values]> {
  return Type.Enum([...values], options as TSchemaOptions) as TEnum<[...Values]>;
}

/** Free text, optionally matching `pattern` (then `expectation` says what is valid). */
export function text(
  options: VariableNotes & {
    readonly default: string;
    readonly pattern?: string;
    readonly expectation?: string;
  },
): TString;
export function text(
  options: VariableNotes & { readonly pattern?: string; readonly expectation?: string },
): TOptional<TString>;
export function text(
  options: VariableNotes & {
    readonly default?: string;
    readonly pattern?: string;
    readonly expectation?: string;
  },
): TString | TOptional<TString> {
  const schema = Type.String({ minLength: 1, ...options } as TSchemaOptions);
  return options.default === undefined ? Type.Optional(schema) : schema;
}

/** An http(s) URL, optional; trailing slashes are dropped when it is read. */
export function httpUrl(options: VariableNotes): TOptional<TString> {
  return Type.Optional(
    Type.String({
      ...options,
      pattern: HTTP_URL,
      expectation: 'an http(s) URL',
    } as TSchemaOptions),
  );
}

/** Comma-separated names; blanks between commas are ignored. */
export function nameList(
  options: VariableNotes & { readonly default: readonly string[] },
): TArray<TString>;
export function nameList(options: VariableNotes): TOptional<TArray<TString>>;
export function nameList(
  options: VariableNotes & { readonly default?: readonly string[] },
): TArray<TString> | TOptional<TArray<TString>> {
  const schema = Type.Array(Type.String({ minLength: 1 }), options as TSchemaOptions);
  return options.default === undefined ? Type.Optional(schema) : schema;
}

/**
 * A group of variables as docs/configuration.md shows them: a heading, the table, notes.
 * `check` adds the problems one variable cannot see alone (a timeout shorter than another).
 */
export interface ConfigSection<Properties extends TProperties = TProperties> {
  /** Stable id, e.g. `clients`. */
  readonly id: string;
  /** The heading in docs/configuration.md. */
  readonly title: string;
  /** Markdown shown between the heading and the table. */
  readonly intro?: string;
  /** Markdown shown after the table. */
  readonly notes?: string;
  readonly variables: Properties;
  /** Problems between variables of this section, each naming them. */
  check?(values: Static<TObject<Properties>>): readonly string[];
}

/** Declares a section, typing `check` by its variables. */
export function defineSection<const Properties extends TProperties>(
  section: ConfigSection<Properties>,
): ConfigSection<Properties> {
  return section;
}

/** The keywords of a variable's schema this module reads. */
export function keywordsOf(schema: TSchema): VariableKeywords & Record<string, unknown> {
  return schema as unknown as VariableKeywords & Record<string, unknown>;
}

/**
 * Reads every variable of `properties` from `env`: an unset or blank one takes its default
 * (or stays undefined), a set one is converted from text and checked against its schema.
 * Each invalid one adds a problem naming it (and the value, unless it is a secret) and
 * takes its default, so the caller can go on and report every problem at once.
 */
export function readVariables<Properties extends TProperties>(
  properties: Properties,
  env: Readonly<Record<string, string | undefined>>,
  problems: string[],
): Static<TObject<Properties>> {
  const values: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(properties)) {
    const keywords = keywordsOf(schema);
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') {
      if (keywords.default !== undefined) {
        values[name] = structuredClone(keywords.default);
      }
      continue;
    }
    const value = fromText(schema, raw);
    if (Value.Check(schema, value)) {
      values[name] =
        typeof value === 'string' && keywords.pattern === HTTP_URL ? trimSlashes(value) : value;
      continue;
    }
    problems.push(
      `${name} must be ${expectationOf(schema)}${keywords.secret === true ? '' : ` (got "${raw}")`}`,
    );
    if (keywords.default !== undefined) {
      values[name] = structuredClone(keywords.default);
    }
  }
  return values as Static<TObject<Properties>>;
}

function trimSlashes(url: string): string {
  return url.replace(/\/+$/, '');
}

/** The value a text stands for under `schema`; text that is no such value stays text. */
function fromText(schema: TSchema, raw: string): unknown {
  const { type } = keywordsOf(schema);
  if (type === 'integer' || type === 'number') {
    return /^-?\d+(?:\.\d+)?$/.test(raw) ? Number(raw) : raw;
  }
  if (type === 'boolean') {
    return raw === 'true' ? true : raw === 'false' ? false : raw;
  }
  if (type === 'array') {
    return raw
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0);
  }
  return raw;
}

/** What a valid value is, completing "NAME must be ...". */
export function expectationOf(schema: TSchema): string {
  const keywords = keywordsOf(schema);
  const { type } = keywords;
  if (Array.isArray(keywords.enum)) {
    return `one of ${keywords.enum.join(', ')}`;
  }
  if (type === 'integer') {
    return `a whole number from ${keywords.minimum} to ${keywords.maximum}`;
  }
  if (type === 'number') {
    return `a number above ${keywords.exclusiveMinimum} and at most ${keywords.maximum}`;
  }
  if (type === 'boolean') {
    return 'true or false';
  }
  if (type === 'array') {
    return 'a comma-separated list of names';
  }
  return keywords.expectation ?? 'a non-empty text';
}
