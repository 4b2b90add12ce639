/** Small text helpers shared by the detectors. */

/** Shannon entropy in bits per character; random tokens score above ~3.5, words and placeholders below 3. */
export function measureEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/** The `max` characters before `index`, lower-cased, for context rules (order numbers, "ssn:"). */
export function readBefore(text: string, index: number, max = 32): string {
  return text.slice(Math.max(0, index - max), index).toLowerCase();
}

/** 1-based line and column of a UTF-16 offset, for reasons (`3:14`). */
export function toLineColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) {
    line += 1;
    lineStart = at + 1;
  }
  return { line, column: index - lineStart + 1 };
}

export function onlyDigits(value: string): string {
  return value.replace(/\D/g, '');
}

/**
 * Words just before a number that make it an identifier rather than personal data: "order #",
 * "invoice no.", "tracking number", "ISBN". Account and card numbers are NOT here: those are
 * personal. Checked on the text just before the candidate.
 */
const IDENTIFIER_CONTEXT =
  /(?:\b(?:order|invoice|receipt|ticket|case|ref|reference|tracking|confirmation|booking|reservation|transaction|txn|po|sku|part|serial|model|isbn|issn|ean|upc|gtin|id|build|version|ver|release)\s*(?:no\.?|num(?:ber)?|id|#)?\s*(?:is|was|:|=)?\s*[:#]?|#)\s*$/;

export function isIdentifierContext(text: string, index: number): boolean {
  return IDENTIFIER_CONTEXT.test(readBefore(text, index, 40));
}
