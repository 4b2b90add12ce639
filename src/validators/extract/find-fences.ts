/**
 * Fenced code blocks found by a real CommonMark parser (markdown-it), so backtick and tilde fences,
 * longer closing fences, fences indented up to three spaces or nested in lists and quotes, and an
 * unclosed fence running to the end all behave as a Markdown renderer would show them.
 * Indented (four-space) code blocks are not taken: raw code with blank lines in it would be cut
 * into pieces by them.
 */
import MarkdownIt from 'markdown-it';

export interface Fence {
  /** First word of the info string, lower-cased; '' for an untagged fence. */
  lang: string;
  content: string;
  /** 1-based line of the first content line, in the text that was parsed. */
  line: number;
  /** Columns of indentation stripped from each content line by the parser. */
  indent: number;
}

// Block rules only: skipping inline parsing makes this several times faster and fences are blocks.
const markdown = new MarkdownIt('commonmark');
markdown.core.ruler.disable(['inline', 'text_join']);

export function findFences(text: string): Fence[] {
  // Cheap pre-check: no fence marker, no fence (most bare-JSON answers end here).
  if (!text.includes('```') && !text.includes('~~~')) return [];
  const lines = text.split(/\r\n|\r|\n/);
  const fences: Fence[] = [];
  for (const token of markdown.parse(text, {})) {
    if (token.type !== 'fence' || !token.map) continue;
    const openLine = lines[token.map[0]] ?? '';
    fences.push({
      lang: (token.info.trim().split(/\s+/)[0] ?? '').replace(/^\{?\.?/, '').replace(/\}$/, '').toLowerCase(),
      content: token.content,
      line: token.map[0] + 2,
      indent: openLine.length - openLine.trimStart().length,
    });
  }
  return fences;
}
