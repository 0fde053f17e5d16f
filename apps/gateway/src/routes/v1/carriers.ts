import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  type CarrierCapabilities,
  type CarrierOperation,
  type MutationCapability,
  supportedOperations,
} from '@parcelgate/carrier-kit';
import type { FastifyInstance } from 'fastify';
import type { CircuitState } from '../../resilience/circuit-breaker.ts';
import { CarrierList } from '../../schemas/carriers.ts';
import { problemResponses } from '../problem-responses.ts';

/** The loaded carriers and their capabilities. */
export const carrierRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/carriers',
    {
      schema: {
        operationId: 'listCarriers',
        summary: 'List the loaded carriers and what each can do',
        tags: ['carriers'],
        response: { 200: CarrierList.ref, ...problemResponses(401, 503) },
      },
    },
    async () => ({
      data: app.carriers.list().map(({ definition, settings }) => ({
        id: definition.id,
        displayName: definition.displayName,
        operations: supportedOperations(definition.capabilities),
        target: settings.target,
        capabilities: presentCapabilities(definition.capabilities),
        circuits: presentCircuits(app, definition.id, supportedOperations(definition.capabilities)),
      })),
    }),
  );
};

/** The breaker state of each operation the carrier supports. */
function presentCircuits(
  app: FastifyInstance,
  carrierId: string,
  operations: readonly CarrierOperation[],
): { track: CircuitState } & Partial<Record<CarrierOperation, CircuitState>> {
  const { breakers } = app.resilience.of(carrierId);
  const circuits: { track: CircuitState } & Partial<Record<CarrierOperation, CircuitState>> = {
    track: breakers.track.state(),
  };
  for (const operation of operations) {
    circuits[operation] = breakers[operation].state();
  }
  return circuits;
}

/** Capabilities as the API shows them (fresh arrays; the contract's are read-only). */
function presentCapabilities(capabilities: CarrierCapabilities) {
  const { intercept, redirect } = capabilities;
  return {
    ...(intercept === undefined
      ? {}
      : {
          intercept: {
            ...presentMutation(intercept),
            declaredValueLimits: intercept.declaredValueLimits.map((limit) => ({ ...limit })),
            excludedCategories: [...intercept.excludedCategories],
          },
        }),
    ...(redirect === undefined
      ? {}
      : { redirect: { ...presentMutation(redirect), freePerOrder: redirect.freePerOrder } }),
    proofOfDelivery: capabilities.proofOfDelivery,
    callbacks: capabilities.callbacks,
  };
}

function presentMutation(capability: MutationCapability) {
  return {
    window: {
      highLikelihood: [...capability.window.highLikelihood],
      lowLikelihood: [...capability.window.lowLikelihood],
    },
    fees: { kind: capability.fees.kind },
    outcome: capability.outcome,
    safeToRetry: capability.safeToRetry,
  };
}
