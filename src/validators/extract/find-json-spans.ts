/**
 * Balanced `{…}` / `[…]` spans in prose, string-aware so a brace inside a JSON string does not
 * close the object. Spans are top-level and do not overlap: the search resumes after a span, never
 * inside it, so a broken object is reported as broken rather than replaced by an array inside it.
 */

export interface Span {
  start: number;
  /** Exclusive. A span that never closes runs to the end of the text (a truncated answer). */
  end: number;
  closed: boolean;
}

const CLOSER: Record<string, string> = { '{': '}', '[': ']' };

export function* findJsonSpans(text: string, quotes: string = '"'): Generator<Span> {
  let from = 0;
  while (from < text.length) {
    const start = firstOpener(text, from);
    if (start < 0) return;
    const span = scanSpan(text, start, quotes);
    yield span;
    from = span.end;
  }
}

function firstOpener(text: string, from: number): number {
  const brace = text.indexOf('{', from);
  const bracket = text.indexOf('[', from);
  if (brace < 0) return bracket;
  if (bracket < 0) return brace;
  return Math.min(brace, bracket);
}

function scanSpan(text: string, start: number, quotes: string): Span {
  const stack: string[] = [];
  let quote = '';
  for (let index = start; index < text.length; index += 1) {
    const char = text[index]!;
    if (quote) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = '';
      continue;
    }
    if (quotes.includes(char)) quote = char;
    else if (char === '{' || char === '[') stack.push(CLOSER[char]!);
    else if (char === '}' || char === ']') {
      // A mismatched closer ends the span where it broke; the parser then says why.
      if (stack.pop() !== char || stack.length === 0) return { start, end: index + 1, closed: true };
    }
  }
  return { start, end: text.length, closed: false };
}
