/** `parcelgate track <carrier> <number>`: a parcel's status, its events and whether it can be intercepted. */
import type { TrackingSnapshot } from '@parcelgate/sdk';
import { type CommandContext, printJson, printLines } from '../context.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';

/** Reads the parcel's tracking and prints it. */
export async function trackCommand(
  context: CommandContext,
  carrier: string,
  trackingNumber: string,
): Promise<ExitCode> {
  const { client } = await context.connect();
  const tracking = await client.tracking.get(carrier, trackingNumber, {
    signal: context.io.signal,
  });
  if (context.json) {
    printJson(context.io, tracking);
  } else {
    printLines(context.io, ...formatTracking(tracking));
  }
  return EXIT_CODES.ok;
}

/** The human form: status, interception, then each event, oldest first. */
export function formatTracking(tracking: TrackingSnapshot): string[] {
  const { interception } = tracking;
  const why = [...interception.reasons, ...interception.warnings].map((reason) => reason.code);
  const lines = [
    `${tracking.carrier} ${tracking.trackingNumber}: ${tracking.status}${tracking.subStatus ? ` (${tracking.subStatus})` : ''}`,
    `interceptable: ${interception.possible ? 'yes' : 'no'}, likelihood ${interception.likelihood}${why.length > 0 ? ` (${why.join(', ')})` : ''}`,
  ];
  if (tracking.estimatedDelivery !== undefined) {
    lines.push(`estimated delivery: ${tracking.estimatedDelivery}`);
  }
  for (const event of tracking.events) {
    const place = event.location?.city ?? event.location?.description;
    lines.push(
      `  ${event.occurredAt}  ${event.status.padEnd(18)} ${event.description}${place ? ` (${place})` : ''}`,
    );
  }
  return lines;
}
