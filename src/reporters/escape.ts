/**
 * Escaping for every place model output (or anything from a dataset) is shown. Model output is
 * data: it must never become markup, script, a link or a table column.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/**
 * For a markdown table cell on GitHub: HTML-escaped (GitHub renders inline HTML), markdown
 * punctuation neutralised, `|` escaped so it cannot open a column, newlines flattened.
 */
export function escapeMarkdownCell(text: string): string {
  // One pass: escaping punctuation after HTML-escaping would break the entities it made
  // (`'` → `&#39;` → `&\#39;`, which GitHub shows literally).
  return text.replace(/\r?\n|\r|[&<>"'\\`*_{}[\]()#+!|~@\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F]/g, (char) => {
    if (char === '@') return '&#64;';
    // A raw ESC in report.md would drive the terminal of whoever `cat`s it.
    if (char.length === 1 && (char < ' ' || char === '\u007F') && !'\n\r\t'.includes(char)) return '\uFFFD';
    if (char in HTML_ESCAPES) return HTML_ESCAPES[char]!;
    return char.length > 1 || char === '\n' || char === '\r' || char === '\t' ? ' ' : `\\${char}`;
  });
}

const SCRIPT_JSON_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/**
 * JSON for a `<script type="application/json">` block: nothing in it can close the element. One
 * pass: the HTML report embeds up to 20,000 attempts, and each pass copies the whole string.
 */
export function toScriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => SCRIPT_JSON_ESCAPES[char]!);
}

/** XML 1.0 forbids most control characters even when escaped; model output may contain them. */
export function escapeXml(text: string): string {
  return escapeHtml(text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD').replace(/[\uD800-\uDFFF]/g, (char, offset: number, whole: string) => {
    const code = char.charCodeAt(0);
    const next = whole.charCodeAt(offset + 1);
    const previous = whole.charCodeAt(offset - 1);
    const paired = code <= 0xdbff ? next >= 0xdc00 && next <= 0xdfff : previous >= 0xd800 && previous <= 0xdbff;
    return paired ? char : '\uFFFD';
  }));
}
