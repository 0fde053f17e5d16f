import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  type CarrierCapabilities,
  type CarrierOperation,
  type MutationCapability,
  type RequestOptionSpec,
  supportedOperations,
} from '@parcelgate/carrier-kit';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { RegisteredCarrier } from '../../carriers/carrier-registry.ts';
import { problemResponses } from '../../openapi/problem-responses.ts';
import { operationAvailability } from '../../policy/operation-availability.ts';
import type { CircuitState } from '../../resilience/circuit-breaker.ts';
import { CarrierList, DetectedCarriers } from '../../schemas/carriers.ts';
import { TrackingNumber } from '../../schemas/common.ts';
import { detectCandidates } from '../../services/detect-carrier.ts';

/** The loaded carriers, their capabilities and the request options each accepts. */
export const carrierRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/carriers',
    {
      schema: {
        operationId: 'listCarriers',
        summary: 'List the loaded carriers, what each can do and which carrierOptions it accepts',
        tags: ['carriers'],
        response: { 200: CarrierList.ref, ...problemResponses(401, 503) },
      },
    },
    async () => ({
      data: app.carriers.list().map((carrier) => ({
        id: carrier.definition.id,
        displayName: carrier.definition.displayName,
        operations: supportedOperations(carrier.definition.capabilities),
        availability: operationAvailability(carrier.definition.capabilities),
        target: carrier.settings.target,
        credentialFields: carrier.definition.credentials.map((field) => ({
          key: field.key,
          description: field.description,
          secret: field.secret,
          required: field.required,
        })),
        capabilities: presentCapabilities(carrier.definition.capabilities),
        requestOptions: presentRequestOptions(carrier.definition.requestOptions),
        circuits: presentCircuits(
          app,
          carrier,
          supportedOperations(carrier.definition.capabilities),
        ),
      })),
    }),
  );

  app.get(
    '/carriers/detect',
    {
      schema: {
        operationId: 'detectCarrier',
        summary: 'List the carriers a tracking number could belong to, best first',
        description:
          "Offline: each loaded carrier's format and check-digit rules, no carrier is called. The candidates are those `carrier=auto` asks, with the options each needs (an aggregator's company).",
        tags: ['carriers'],
        querystring: Type.Object(
          { trackingNumber: TrackingNumber },
          { additionalProperties: false },
        ),
        response: { 200: DetectedCarriers.ref, ...problemResponses(400, 401, 503) },
      },
    },
    async (request) => ({
      trackingNumber: request.query.trackingNumber,
      candidates: detectCandidates(app.carriers.list(), request.query.trackingNumber).map(
        ({ carrier, confidence, carrierOptions }) => ({
          carrier: carrier.definition.id,
          displayName: carrier.definition.displayName,
          confidence,
          ...(carrierOptions === undefined ? {} : { carrierOptions: { ...carrierOptions } }),
        }),
      ),
    }),
  );
};

/** The breaker state of each operation the carrier supports, on the shared account. */
function presentCircuits(
  app: FastifyInstance,
  carrier: RegisteredCarrier,
  operations: readonly CarrierOperation[],
): { track: CircuitState } & Partial<Record<CarrierOperation, CircuitState>> {
  const { breakers } = app.resilience.of(carrier);
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
            ...presentActionCapability(intercept),
            declaredValueLimits: intercept.declaredValueLimits.map((limit) => ({ ...limit })),
            excludedCategories: [...intercept.excludedCategories],
          },
        }),
    ...(redirect === undefined
      ? {}
      : {
          redirect: { ...presentActionCapability(redirect), freePerOrder: redirect.freePerOrder },
        }),
    proofOfDelivery: capabilities.proofOfDelivery,
    callbacks: capabilities.callbacks,
  };
}

function presentActionCapability(capability: MutationCapability) {
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

/** The adapter's declared request options as the API shows them (fresh arrays). */
function presentRequestOptions(requestOptions: RequestOptionSpec | undefined) {
  return (requestOptions ?? []).map((field) => ({
    key: field.key,
    description: field.description,
    operations: [...field.operations],
    ...(field.pattern === undefined ? {} : { pattern: field.pattern }),
    ...(field.values === undefined ? {} : { values: [...field.values] }),
    ...(field.example === undefined ? {} : { example: field.example }),
  }));
}
