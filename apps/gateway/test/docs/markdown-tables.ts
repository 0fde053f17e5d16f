import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's `docs/` folder. */
export const DOCS_DIR = fileURLToPath(new URL('../../../../docs/', import.meta.url));

/** One row of a Markdown table: its cells, trimmed, in order. */
export type TableRow = readonly string[];

/** A document of `docs/`, as text. */
export function readDoc(name: string): string {
  return readFileSync(`${DOCS_DIR}${name}`, 'utf8');
}

/**
 * The body rows of the table that follows the comment `<!-- <marker>` in a document (the
 * comment names the table for the tests and does not show on the page). Throws when there
 * is no such table, so a table removed from the docs fails its test.
 */
export function tableAfter(text: string, marker: string): TableRow[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.trim().startsWith(`<!-- ${marker}`));
  if (start === -1) {
    throw new Error(`no table marked "<!-- ${marker}" in the document`);
  }
  const table: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim().startsWith('|')) {
      table.push(line.trim());
    } else if (table.length > 0 || line.trim() !== '') {
      break;
    }
  }
  if (table.length < 2) {
    throw new Error(`the table marked "<!-- ${marker}" has no rows`);
  }
  return table.slice(2).map((line) =>
    line
      .replace(/^\||\|$/g, '')
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim()),
  );
}

/** The `code` spans of a cell, e.g. ``"`routes/`, `services/`"`` gives both folders. */
export function codeSpans(cell: string | undefined): string[] {
  return [...(cell ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
}
