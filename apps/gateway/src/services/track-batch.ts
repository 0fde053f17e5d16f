import type { TrackingSnapshot } from '@parcelgate/carrier-kit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CarrierExtras } from '../carriers/carrier-extras.ts';
import { checkCarrierOptions } from '../carriers/check-carrier-options.ts';
import { isProblemError, type ProblemError, toProblemDocument } from '../problems.ts';
import { readTracking } from './read-tracking.ts';
import { type ManyAnswer, readTrackingMany } from './read-tracking-many.ts';
import {
  detectedCandidates,
  namedCandidate,
  passesToNextGroup,
  presentSnapshot,
  readFirstFound,
  type TrackingCandidate,
} from './tracking-service.ts';

/** One parcel of `POST /v1/tracking/batch`. */
export interface BatchTrackingInput extends CarrierExtras {
  readonly carrier: string;
  readonly trackingNumber: string;
}

/** How one item is read: with the others of its carrier account, or on its own. */
type Plan =
  | {
      readonly kind: 'grouped';
      readonly candidate: TrackingCandidate;
      /** With `auto`: the less sure groups asked when `candidate` does not know the parcel. */
      readonly fallback: readonly TrackingCandidate[][];
    }
  | { readonly kind: 'detected'; readonly groups: TrackingCandidate[][] }
  | { readonly kind: 'refused'; readonly problem: ProblemError };

/**
 * `POST /v1/tracking/batch`: every item read as a single read would be (the named carrier,
 * or with `auto` its detection, the tenant's account, its checks), under the request's one
 * deadline. Items of one carrier account are read together: in `trackMany()` calls of
 * `maxPerCall` where the carrier declares bulk tracking, else one `track()` each, all at
 * once within the account's limiter. An `auto` item whose best detection is one carrier
 * joins it, and when that carrier does not know the parcel its less sure candidates are
 * asked next, as a single read asks them; an ambiguous one asks its candidates as a single
 * read does. Each item answers its tracking or its own problem, in request order.
 */
export async function trackBatch(
  app: FastifyInstance,
  request: FastifyRequest,
  items: readonly BatchTrackingInput[],
) {
  const plans = await Promise.all(
    items.map((item, index) => planItem(app, request, item, `/items/${index}`)),
  );
  const answers: (
    | ManyAnswer
    | { readonly snapshot: TrackingSnapshot; readonly candidate: TrackingCandidate }
    | undefined
  )[] = plans.map((plan) => (plan.kind === 'refused' ? plan.problem : undefined));
  // Items grouped by carrier account: the connection decides the limiter and the cache.
  const accounts = new Map<string, { candidate: TrackingCandidate; at: number[] }[]>();
  plans.forEach((plan, index) => {
    if (plan.kind !== 'grouped') {
      return;
    }
    const { carrier } = plan.candidate;
    const account = `${carrier.definition.id}\u0000${carrier.account.connectionId ?? ''}`;
    const members = accounts.get(account) ?? [];
    members.push({ candidate: plan.candidate, at: [index] });
    accounts.set(account, members);
  });
  const { deadline } = request;
  const settle = async (
    index: number,
    read: () => Promise<Exclude<(typeof answers)[number], ProblemError>>,
  ) => {
    try {
      answers[index] = await read();
    } catch (error) {
      if (!isProblemError(error)) {
        throw error;
      }
      answers[index] = error;
    }
  };
  await Promise.all([
    ...[...accounts.values()].map(async (members) => {
      const [first] = members;
      if (first === undefined) {
        return;
      }
      const { carrier } = first.candidate;
      if (carrier.definition.capabilities.bulkTracking !== undefined) {
        const read = await readTrackingMany(
          app,
          request,
          carrier,
          members.map((member) => member.candidate.query),
          deadline,
        );
        members.forEach((member, position) => {
          for (const index of member.at) {
            answers[index] = read[position];
          }
        });
        return;
      }
      await Promise.all(
        members.flatMap((member) =>
          member.at.map((index) =>
            settle(index, () =>
              readTracking(app, request, carrier, member.candidate.query, deadline, true),
            ),
          ),
        ),
      );
    }),
    ...plans.map(async (plan, index) => {
      if (plan.kind === 'detected') {
        await settle(index, () => readFirstFound(app, request, plan.groups, deadline, true));
      }
    }),
  ]);
  // An `auto` item read with its carrier's others: "not found" there asks the next groups.
  await Promise.all(
    plans.map(async (plan, index) => {
      if (
        plan.kind === 'grouped' &&
        plan.fallback.length > 0 &&
        passesToNextGroup(answers[index])
      ) {
        await settle(index, () => readFirstFound(app, request, plan.fallback, deadline, true));
      }
    }),
  );
  const where = { requestId: request.id, instance: request.url.split('?')[0] ?? request.url };
  return {
    data: items.map((item, index) => {
      const answer = answers[index];
      const plan = plans[index];
      const base = { index, trackingNumber: item.trackingNumber, carrier: item.carrier };
      if (answer === undefined || isProblemError(answer)) {
        const problem = answer ?? (plan?.kind === 'refused' ? plan.problem : undefined);
        return problem === undefined ? base : { ...base, problem: wireProblem(problem, where) };
      }
      const { snapshot, detection } =
        'candidate' in answer
          ? { snapshot: answer.snapshot, detection: answer.candidate.detection }
          : {
              snapshot: answer,
              detection: plan?.kind === 'grouped' ? plan.candidate.detection : undefined,
            };
      return { ...base, tracking: presentSnapshot(snapshot, detection) };
    }),
  };
}

/** How one item is read, or the problem that refuses it before any carrier is asked. */
async function planItem(
  app: FastifyInstance,
  request: FastifyRequest,
  item: BatchTrackingInput,
  at: string,
): Promise<Plan> {
  try {
    if (item.carrier !== 'auto') {
      const candidate = await namedCandidate(
        app,
        request,
        item.carrier,
        item.trackingNumber,
        item,
        `${at}/trackingNumber`,
      );
      checkCarrierOptions(
        candidate.carrier.definition,
        'track',
        candidate.query.carrierOptions,
        `${at}/carrierOptions`,
      );
      return { kind: 'grouped', candidate, fallback: [] };
    }
    const groups = await detectedCandidates(app, request, item.trackingNumber, item);
    for (const candidate of groups.flat()) {
      checkCarrierOptions(
        candidate.carrier.definition,
        'track',
        candidate.query.carrierOptions,
        `${at}/carrierOptions`,
      );
    }
    const [best, ...fallback] = groups;
    return best !== undefined && best.length === 1 && best[0] !== undefined
      ? { kind: 'grouped', candidate: best[0], fallback }
      : { kind: 'detected', groups };
  } catch (error) {
    if (!isProblemError(error)) {
      throw error;
    }
    return { kind: 'refused', problem: error };
  }
}

/** A problem as one item's answer: the document an error answer would carry, arrays copied. */
function wireProblem(
  problem: ProblemError,
  where: { readonly requestId: string; readonly instance: string },
) {
  const { errors, reasons, violatedPolicies, availability, ...rest } = toProblemDocument(
    problem,
    where,
  );
  return {
    ...rest,
    ...(errors === undefined ? {} : { errors: errors.map((error) => ({ ...error })) }),
    ...(reasons === undefined ? {} : { reasons: reasons.map((reason) => ({ ...reason })) }),
    ...(violatedPolicies === undefined ? {} : { violatedPolicies: [...violatedPolicies] }),
    ...(availability === undefined ? {} : { availability: { ...availability } }),
  };
}
