/**
 * The gateway's one configuration schema: every variable it reads, by section, with its
 * type, default, bounds and description. docs/configuration.md and the README's table are
 * generated from it (`pnpm config:docs`), and `loadConfig` reads the environment with it.
 *
 * Adding a variable: add it to the section module under `schema/` where it belongs (or a
 * new module, added to `CONFIG_SECTIONS` below), then run `pnpm config:docs`. It is
 * checked at start and typed in `GatewayConfig.variables`.
 */
import { type Static, Type } from 'typebox';
import { carrierSection } from './schema/carrier-variables.ts';
import { clientSection } from './schema/client-variables.ts';
import {
  batchSection,
  processSection,
  reconcileSection,
  webhookSection,
} from './schema/job-variables.ts';
import { breakerSection, budgetSection } from './schema/resilience-variables.ts';
import { serverSection } from './schema/server-variables.ts';
import { tracingSection } from './schema/tracing-variables.ts';

/** Every section, in the order docs/configuration.md shows them. */
export const CONFIG_SECTIONS = [
  serverSection,
  carrierSection,
  clientSection,
  budgetSection,
  breakerSection,
  reconcileSection,
  batchSection,
  webhookSection,
  processSection,
  tracingSection,
] as const;

type UnionToIntersection<Union> = (Union extends unknown ? (value: Union) => void : never) extends (
  value: infer Intersection,
) => void
  ? Intersection
  : never;

/** The variables of every section, as one set of properties. */
type AllVariables = UnionToIntersection<(typeof CONFIG_SECTIONS)[number]['variables']>;

/** Every deployment-wide variable in one object schema, keyed by variable name. */
export const CONFIG_SCHEMA = Type.Object(
  Object.assign({}, ...CONFIG_SECTIONS.map((section) => section.variables)) as AllVariables,
);

/** The variables, read and checked, defaults applied; unset optional ones are undefined. */
export type ConfigValues = Static<typeof CONFIG_SCHEMA>;
