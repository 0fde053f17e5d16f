/**
 * `parcelgate events tail`: prints the tenant's new events as they are written.
 *
 * `GET /v1/events` lists newest first and its cursor walks to older events only, so each
 * read takes the newest page and prints, oldest first, the events not seen before. It
 * keeps the ids it has seen (a bounded window) rather than only the newest one: an event
 * whose transaction committed a moment after a newer one's still appears on a later read,
 * below that newer event, and must not be missed.
 */
import type { EventListQuery, WebhookEvent, WebhookEventType } from '@parcelgate/sdk';
import { type CommandContext, printJsonLine, printLines } from '../context.ts';
import type { ExitCode } from '../exit-codes.ts';
import { pollBackoff } from '../poll-backoff.ts';

/** The flags of `events tail`. */
export interface TailFlags {
  readonly types: readonly WebhookEventType[];
  readonly objectId?: string | undefined;
  /** Print the newest `last` events first, as `tail -n` does. */
  readonly last: number;
  /** The longest pause between two reads, in milliseconds. */
  readonly maxIntervalMs: number;
}

/** Events read per call; the newest page is always read whole. */
const PAGE_SIZE = 100;
/** How many pages one read walks when everything on them is new (a burst). */
const MAX_PAGES_PER_READ = 10;
/** How many seen ids are remembered; far more than one page. */
const SEEN_WINDOW = 5 * PAGE_SIZE;

/** Follows the event log until interrupted (Ctrl-C), which exits 130. */
export async function eventsTailCommand(
  context: CommandContext,
  flags: TailFlags,
): Promise<ExitCode> {
  const { client } = await context.connect();
  const { io } = context;
  const query: EventListQuery = {
    limit: PAGE_SIZE,
    ...(flags.types.length > 0 ? { type: [...flags.types] } : {}),
    ...(flags.objectId === undefined ? {} : { objectId: flags.objectId }),
  };
  const seen = new Set<string>();
  const remember = (id: string) => {
    seen.add(id);
    if (seen.size > SEEN_WINDOW) {
      // A Set iterates in insertion order: the first is the oldest remembered.
      const oldest = seen.values().next().value;
      if (oldest !== undefined) {
        seen.delete(oldest);
      }
    }
  };
  const first = await client.events.listPage(query, { signal: io.signal });
  // Newest first on the page; oldest first on screen.
  for (const event of first.data.slice(0, flags.last).reverse()) {
    printEvent(context, event);
  }
  for (const event of [...first.data].reverse()) {
    remember(event.id);
  }
  const backoff = pollBackoff(Math.min(500, flags.maxIntervalMs), flags.maxIntervalMs);
  for (;;) {
    await io.sleep(backoff.next(), io.signal);
    const fresh: WebhookEvent[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < MAX_PAGES_PER_READ; pages += 1) {
      const page = await client.events.listPage(cursor === null ? query : { ...query, cursor }, {
        signal: io.signal,
      });
      const unseen = page.data.filter((event) => !seen.has(event.id));
      fresh.push(...unseen);
      // A page with a seen event on it reaches what was printed: older pages hold nothing new.
      if (unseen.length < page.data.length || page.nextCursor === null) {
        break;
      }
      cursor = page.nextCursor;
    }
    for (const event of fresh.reverse()) {
      remember(event.id);
      printEvent(context, event);
    }
    if (fresh.length > 0) {
      backoff.reset();
    }
  }
}

function printEvent(context: CommandContext, event: WebhookEvent): void {
  if (context.json) {
    printJsonLine(context.io, event);
    return;
  }
  printLines(
    context.io,
    `${event.occurredAt}  ${event.type.padEnd(26)} ${event.objectId}  ${summary(event)}`,
  );
}

/** One short phrase of what the event tells. */
function summary(event: WebhookEvent): string {
  switch (event.objectKind) {
    case 'intercept':
    case 'redirect':
      return `${event.data.status} ${event.data.carrier} ${event.data.trackingNumber}`;
    case 'parcel':
      return `${event.data.previousStatus ?? '(first seen)'} -> ${event.data.status}`;
    default:
      return '';
  }
}
