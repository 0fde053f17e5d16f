import type { CallOptions } from './options.ts';

/** One page of a list: its items and the cursor of the next page (null on the last). */
export interface Page<Item> {
  readonly data: readonly Item[];
  readonly nextCursor: string | null;
}

/**
 * A list that follows cursors lazily: `for await (const item of list)` walks every item,
 * requesting pages one at a time as the loop needs them; `.pages()` walks whole pages.
 * Breaking out of the loop stops requesting.
 */
export interface PageIterable<Item, ListPage extends Page<Item> = Page<Item>>
  extends AsyncIterable<Item> {
  /** Every page, first to last. */
  pages(): AsyncGenerator<ListPage, void, undefined>;
}

/**
 * Makes a {@link PageIterable} from a function reading one page. Each page request is a call
 * of its own (own deadline and retries); `options.signal` stops the walk between pages too.
 */
export function paginate<Item, ListPage extends Page<Item>, Query extends { cursor?: string }>(
  query: Query,
  options: CallOptions | undefined,
  readPage: (query: Query, options: CallOptions | undefined) => Promise<ListPage>,
): PageIterable<Item, ListPage> {
  async function* pages(): AsyncGenerator<ListPage, void, undefined> {
    let cursor = query.cursor;
    do {
      options?.signal?.throwIfAborted();
      const page = await readPage(cursor === undefined ? query : { ...query, cursor }, options);
      yield page;
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
  }
  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) {
        yield* page.data;
      }
    },
  };
}
