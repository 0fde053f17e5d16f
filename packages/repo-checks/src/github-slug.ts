/**
 * The anchor GitHub gives a heading: its text lower-cased, punctuation removed, spaces as
 * hyphens (as github-slugger does). `seen` counts the slugs already given in the document,
 * since a repeated heading gets `-1`, `-2`, ... appended.
 */
export function githubSlug(text: string, seen: Map<string, number>): string {
  const base = text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
  const count = seen.get(base);
  seen.set(base, (count ?? -1) + 1);
  return count === undefined ? base : `${base}-${count + 1}`;
}
