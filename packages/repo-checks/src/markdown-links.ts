import { marked, type Token } from 'marked';
import { githubSlug } from './github-slug.ts';

/** What one Markdown document links to, and the anchors its headings make. */
export interface MarkdownOutline {
  /** Every link, image and link reference definition target, in document order. */
  readonly targets: readonly string[];
  /** The anchors of its headings, as GitHub renders them. */
  readonly anchors: ReadonlySet<string>;
}

/**
 * Reads a Markdown document with a real parser (marked's lexer), so links inside code
 * spans and code blocks are not taken for links, and reference-style links are resolved.
 */
export function outlineMarkdown(text: string): MarkdownOutline {
  const tokens = marked.lexer(text);
  const targets: string[] = [];
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  marked.walkTokens(tokens, (token) => {
    if (token.type === 'link' || token.type === 'image' || token.type === 'def') {
      targets.push(String(token.href));
    }
    if (token.type === 'heading') {
      anchors.add(githubSlug(plainText(token), seen));
    }
  });
  return { targets, anchors };
}

/** The text a token renders as, markup and HTML tags left out. */
function plainText(token: Token): string {
  if (token.type === 'html') {
    return '';
  }
  if ('tokens' in token && Array.isArray(token.tokens)) {
    return token.tokens.map((child: Token) => plainText(child)).join('');
  }
  return 'text' in token && typeof token.text === 'string' ? token.text : '';
}
