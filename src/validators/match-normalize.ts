/**
 * Text normalisations the match validator applies on request. Models decorate the text a suite
 * looks for: they bold it, put it in backticks, use typographic quotes. A check for the words should
 * not fail on the decoration, but equality stays exact unless the suite opts in.
 */

export interface NormalizeOptions {
  ignore_case: boolean;
  normalize_whitespace: boolean;
  ignore_markdown: boolean;
  normalize_quotes: boolean;
}

// A fence wrapping the whole answer (```text\nParis\n```): the content is the answer.
const WHOLE_FENCE = /^(`{3,}|~{3,})[^\n]*\n([\s\S]*?)\n?\1\s*$/;
// Paired inline markers around non-space text: **x**, __x__, *x*, _x_, ~~x~~, `x`.
const INLINE_MARKERS = [/\*\*(?=\S)([\s\S]*?\S)\*\*/g, /__(?=\S)([\s\S]*?\S)__/g, /~~(?=\S)([\s\S]*?\S)~~/g, /`+(?=\S)([^`]*?\S)`+/g, /(?<![\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/g, /(?<![\w_])_(?=\S)([^_\n]*?\S)_(?![\w_])/g];
// Line prefixes: headings, blockquotes.
const LINE_PREFIX = /^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?)/gm;

export function stripMarkdown(text: string): string {
  let out = text.trim();
  const fence = WHOLE_FENCE.exec(out);
  if (fence) out = fence[2]!;
  out = out.replace(LINE_PREFIX, '');
  for (const marker of INLINE_MARKERS) out = out.replace(marker, '$1');
  return out;
}

/** Curly quotes, low-high quotes, primes and the modifier apostrophe become ASCII quotes. */
export function straightenQuotes(text: string): string {
  return text.replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC]/g, "'").replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"');
}

/** `lowerCase` is false for regex operands: case-insensitivity is the regex's `i` flag there. */
export function normalizeText(text: string, options: NormalizeOptions, lowerCase: boolean): string {
  let out = options.ignore_markdown ? stripMarkdown(text) : text;
  if (options.normalize_quotes) out = straightenQuotes(out);
  out = options.normalize_whitespace ? out.replace(/\s+/g, ' ').trim() : out.trim();
  return options.ignore_case && lowerCase ? out.toLowerCase() : out;
}

/** Whether `needle` at `index` in `text` stands as whole words (no letter or digit glued to either end). */
export function isWholeWordAt(text: string, index: number, needle: string): boolean {
  const glued = /[\p{L}\p{N}]/u;
  const before = text[index - 1];
  const after = text[index + needle.length];
  const gluedBefore = before !== undefined && glued.test(before) && glued.test(needle[0] ?? '');
  const gluedAfter = after !== undefined && glued.test(after) && glued.test(needle.at(-1) ?? '');
  return !gluedBefore && !gluedAfter;
}
