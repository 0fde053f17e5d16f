import type { CarrierDefinition } from './carrier-definition.ts';
import { checkRequestOptions } from './check-request-options.ts';
import { CONTRACT_VERSION } from './contract-version.ts';
import { isMoney } from './money.ts';
import { isNormalizedStatus } from './status.ts';

/** Thrown when an adapter does not fulfil the contract; the message names it and every gap. */
export class CarrierDefinitionError extends Error {
  /** The adapter's id, or its best available name. */
  readonly carrierName: string;
  /** Every problem found, each naming the missing or wrong piece. */
  readonly problems: readonly string[];

  constructor(carrierName: string, problems: readonly string[]) {
    super(
      `Carrier adapter "${carrierName}" does not fulfil carrier-kit contract v${CONTRACT_VERSION}: ${problems.join('; ')}`,
    );
    this.name = 'CarrierDefinitionError';
    this.carrierName = carrierName;
    this.problems = problems;
  }
}

type Fields = Record<string, unknown>;

const ID_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;
const FEE_KINDS = new Set(['by_pickup_mode', 'carrier_quote', 'flat', 'free']);
const OUTCOME_TIMINGS = new Set(['synchronous', 'asynchronous']);
const OPTIONAL_FUNCTIONS = [
  'trackMany',
  'intercept',
  'redirect',
  'interceptStatus',
  'cancelIntercept',
  'cancelRedirect',
  'quoteFee',
  'verifyCredentials',
  'detect',
];

/** Each capability that an operation implements, and that operation. */
const CAPABILITY_OPERATIONS = [
  ['intercept', 'intercept'],
  ['redirect', 'redirect'],
  ['cancelIntercept', 'cancelIntercept'],
  ['cancelRedirect', 'cancelRedirect'],
  ['feeQuote', 'quoteFee'],
  ['bulkTracking', 'trackMany'],
] as const;

/** The action each cancel capability undoes: it cannot be declared without it. */
const CANCELLED_ACTION = [
  ['cancelIntercept', 'intercept'],
  ['cancelRedirect', 'redirect'],
] as const;

/**
 * Checks at load time that a value is a complete adapter of this contract version.
 * Collects every problem rather than stopping at the first, so one start shows them all.
 */
export function assertCarrierDefinition(value: unknown): asserts value is CarrierDefinition {
  if (!isFields(value)) {
    throw new CarrierDefinitionError('<not an object>', [
      `expected an object made by defineCarrier(), got ${value === null ? 'null' : typeof value}`,
    ]);
  }
  const problems = [
    ...checkIdentity(value),
    ...checkOperations(value),
    ...checkCapabilities(value.capabilities),
    ...checkCredentials(value.credentials),
    ...checkEndpoints(value.endpoints),
    ...checkRequestOptions(value.requestOptions, value.credentials, value.capabilities),
  ];
  if (problems.length > 0) {
    throw new CarrierDefinitionError(nameOf(value), problems);
  }
}

function nameOf(definition: Fields): string {
  for (const candidate of [definition.id, definition.displayName]) {
    if (typeof candidate === 'string' && candidate.length > 0) {
      return candidate;
    }
  }
  return '<unnamed adapter>';
}

function checkIdentity(definition: Fields): string[] {
  const problems: string[] = [];
  if (typeof definition.id !== 'string' || !ID_PATTERN.test(definition.id)) {
    problems.push('id must be a kebab-case string such as "ups" or "carrier-x"');
  }
  if (typeof definition.displayName !== 'string' || definition.displayName.trim() === '') {
    problems.push('displayName is missing');
  }
  if (definition.contractVersion === undefined) {
    problems.push('contractVersion is missing (set it to CONTRACT_VERSION)');
  } else if (definition.contractVersion !== CONTRACT_VERSION) {
    problems.push(
      `it was built for contract v${String(definition.contractVersion)}, but this carrier-kit speaks v${CONTRACT_VERSION}`,
    );
  }
  return problems;
}

function checkOperations(definition: Fields): string[] {
  const problems: string[] = [];
  if (typeof definition.track !== 'function') {
    problems.push('track() is missing: every carrier must track');
  }
  for (const name of OPTIONAL_FUNCTIONS) {
    if (definition[name] !== undefined && typeof definition[name] !== 'function') {
      problems.push(`${name} must be a function`);
    }
  }
  const capabilities = isFields(definition.capabilities) ? definition.capabilities : {};
  for (const [capability, operation] of CAPABILITY_OPERATIONS) {
    const declared = capabilities[capability] !== undefined;
    const implemented = typeof definition[operation] === 'function';
    if (declared && !implemented) {
      problems.push(`capabilities.${capability} is declared but ${operation}() is missing`);
    }
    if (!declared && implemented) {
      problems.push(`${operation}() is defined but capabilities.${capability} does not declare it`);
    }
  }
  const callbacks = definition.callbacks;
  const handlesCallbacks = isFields(callbacks) && typeof callbacks.handle === 'function';
  if (callbacks !== undefined && !handlesCallbacks) {
    problems.push('callbacks.handle() is missing');
  }
  if (capabilities.callbacks === true && !handlesCallbacks) {
    problems.push('capabilities.callbacks is true but callbacks.handle() is missing');
  }
  return problems;
}

function checkCapabilities(capabilities: unknown): string[] {
  if (!isFields(capabilities)) {
    return ['capabilities is missing'];
  }
  const problems: string[] = [];
  for (const flag of ['proofOfDelivery', 'callbacks']) {
    if (typeof capabilities[flag] !== 'boolean') {
      problems.push(`capabilities.${flag} must be true or false`);
    }
  }
  if (capabilities.intercept !== undefined) {
    problems.push(...checkMutation('intercept', capabilities.intercept));
    problems.push(...checkInterceptLimits(capabilities.intercept));
  }
  if (capabilities.redirect !== undefined) {
    problems.push(...checkMutation('redirect', capabilities.redirect));
    const free = isFields(capabilities.redirect) ? capabilities.redirect.freePerOrder : undefined;
    if (!(typeof free === 'number' && Number.isInteger(free) && free >= 0)) {
      problems.push('capabilities.redirect.freePerOrder must be a whole number >= 0');
    }
  }
  if (capabilities.rateLimits !== undefined) {
    problems.push(...checkRateLimits(capabilities.rateLimits));
  }
  problems.push(
    ...checkCancels(capabilities),
    ...checkFeeQuote(capabilities),
    ...checkOffApi(capabilities),
    ...checkBulkTracking(capabilities.bulkTracking),
  );
  return problems;
}

function checkOffApi(capabilities: Fields): string[] {
  const offApi = capabilities.offApi;
  if (offApi === undefined) {
    return [];
  }
  if (!isFields(offApi)) {
    return ['capabilities.offApi must be an object'];
  }
  const problems: string[] = [];
  for (const [operation, entry] of Object.entries(offApi)) {
    const path = `capabilities.offApi.${operation}`;
    if (operation !== 'intercept' && operation !== 'redirect') {
      problems.push(`${path}: only intercept and redirect can be listed`);
      continue;
    }
    if (!isFields(entry) || typeof entry.reason !== 'string' || entry.reason.trim() === '') {
      problems.push(`${path}.reason must say why and where it can be done`);
    } else if (entry.url !== undefined && !isHttpsUrl(entry.url)) {
      problems.push(`${path}.url must be an https URL`);
    }
    if (capabilities[operation] !== undefined) {
      problems.push(`${path} is listed but capabilities.${operation} declares it by API`);
    }
  }
  return problems;
}

function checkBulkTracking(bulkTracking: unknown): string[] {
  if (bulkTracking === undefined) {
    return [];
  }
  const max = isFields(bulkTracking) ? bulkTracking.maxPerCall : undefined;
  return typeof max === 'number' && Number.isInteger(max) && max >= 2
    ? []
    : ['capabilities.bulkTracking.maxPerCall must be a whole number >= 2'];
}

function isHttpsUrl(value: unknown): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

function checkCancels(capabilities: Fields): string[] {
  const problems: string[] = [];
  for (const [cancel, action] of CANCELLED_ACTION) {
    const capability = capabilities[cancel];
    if (capability === undefined) {
      continue;
    }
    if (!isFields(capability) || typeof capability.safeToRetry !== 'boolean') {
      problems.push(`capabilities.${cancel}.safeToRetry must be true or false`);
    }
    if (capabilities[action] === undefined) {
      problems.push(`capabilities.${cancel} is declared but capabilities.${action} is not`);
    }
  }
  return problems;
}

function checkFeeQuote(capabilities: Fields): string[] {
  const feeQuote = capabilities.feeQuote;
  if (feeQuote === undefined) {
    return [];
  }
  const actions = isFields(feeQuote) ? feeQuote.actions : undefined;
  if (!Array.isArray(actions) || actions.length === 0) {
    return ['capabilities.feeQuote.actions must list intercept or redirect'];
  }
  return actions.flatMap((action: unknown, index) => {
    if (action !== 'intercept' && action !== 'redirect') {
      return [`capabilities.feeQuote.actions[${index}] must be intercept or redirect`];
    }
    return capabilities[action] === undefined
      ? [`capabilities.feeQuote.actions lists ${action} but capabilities.${action} is not declared`]
      : [];
  });
}

function checkMutation(operation: string, capability: unknown): string[] {
  const path = `capabilities.${operation}`;
  if (!isFields(capability)) {
    return [`${path} must be an object`];
  }
  const problems: string[] = [];
  const window = capability.window;
  if (!isFields(window)) {
    problems.push(`${path}.window is missing`);
  } else {
    for (const band of ['highLikelihood', 'lowLikelihood']) {
      const statuses = window[band];
      if (!Array.isArray(statuses) || !statuses.every(isNormalizedStatus)) {
        problems.push(`${path}.window.${band} must list normalized statuses`);
      }
    }
  }
  const fees = capability.fees;
  if (!isFields(fees) || typeof fees.kind !== 'string' || !FEE_KINDS.has(fees.kind)) {
    problems.push(`${path}.fees.kind must be one of ${[...FEE_KINDS].join(', ')}`);
  } else if (fees.kind === 'flat' && !isMoney(fees.amount)) {
    problems.push(`${path}.fees.amount must be money ({ amount: "10.00", currency: "CNY" })`);
  }
  if (typeof capability.outcome !== 'string' || !OUTCOME_TIMINGS.has(capability.outcome)) {
    problems.push(`${path}.outcome must be "synchronous" or "asynchronous"`);
  }
  if (typeof capability.safeToRetry !== 'boolean') {
    problems.push(`${path}.safeToRetry must be true or false`);
  }
  return problems;
}

function checkInterceptLimits(capability: unknown): string[] {
  if (!isFields(capability)) {
    return [];
  }
  const problems: string[] = [];
  const limits = capability.declaredValueLimits;
  if (!Array.isArray(limits) || !limits.every(isMoney)) {
    problems.push('capabilities.intercept.declaredValueLimits must list money values');
  }
  const excluded = capability.excludedCategories;
  if (!Array.isArray(excluded) || !excluded.every((item) => typeof item === 'string')) {
    problems.push('capabilities.intercept.excludedCategories must list category strings');
  }
  return problems;
}

function checkRateLimits(rateLimits: unknown): string[] {
  if (!isFields(rateLimits)) {
    return ['capabilities.rateLimits must be an object'];
  }
  return ['requestsPerSecond', 'burst', 'maxConcurrency', 'requestsPerDay']
    .filter((key) => {
      const limit = rateLimits[key];
      return limit !== undefined && !(typeof limit === 'number' && limit > 0);
    })
    .map((key) => `capabilities.rateLimits.${key} must be a positive number`);
}

function checkCredentials(credentials: unknown): string[] {
  if (!Array.isArray(credentials)) {
    return ['credentials must be an array (empty when the carrier needs none)'];
  }
  return credentials.flatMap((field: unknown, index) => {
    if (
      isFields(field) &&
      typeof field.key === 'string' &&
      typeof field.env === 'string' &&
      /^[A-Z][A-Z0-9_]*$/.test(field.env) &&
      typeof field.description === 'string' &&
      typeof field.secret === 'boolean' &&
      typeof field.required === 'boolean'
    ) {
      return [];
    }
    return [`credentials[${index}] needs key, env (UPPER_SNAKE), description, secret and required`];
  });
}

const HOST_NAME_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;
const HTTP_URL_PATTERN = /^https?:\/\/[^\s]+$/;

/**
 * Checks `endpoints`, named hosts included: a bad host name would make configuration keys
 * the gateway cannot derive (`CARRIER_<ID>_<NAME>_BASE_URL`), a bad URL a failed start
 * only once real credentials are configured.
 */
function checkEndpoints(endpoints: unknown): string[] {
  if (endpoints === undefined) {
    return [];
  }
  if (!isFields(endpoints)) {
    return ['endpoints must be an object'];
  }
  const problems = checkHostUrls('endpoints', endpoints);
  const hosts = endpoints.hosts;
  if (hosts === undefined) {
    return problems;
  }
  if (!isFields(hosts)) {
    return [...problems, 'endpoints.hosts must be an object of named hosts'];
  }
  for (const [name, urls] of Object.entries(hosts)) {
    if (!HOST_NAME_PATTERN.test(name)) {
      problems.push(`endpoints.hosts name "${name}" must be kebab-case, e.g. "label"`);
    }
    problems.push(
      ...(isFields(urls)
        ? checkHostUrls(`endpoints.hosts.${name}`, urls)
        : [`endpoints.hosts.${name} must be { production, test? }`]),
    );
  }
  return problems;
}

function checkHostUrls(path: string, urls: Fields): string[] {
  const problems: string[] = [];
  if (typeof urls.production !== 'string' || !HTTP_URL_PATTERN.test(urls.production)) {
    problems.push(`${path}.production must be an http(s) URL`);
  }
  if (
    urls.test !== undefined &&
    (typeof urls.test !== 'string' || !HTTP_URL_PATTERN.test(urls.test))
  ) {
    problems.push(`${path}.test must be an http(s) URL`);
  }
  return problems;
}

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
