/**
 * Reasoning models put their chain of thought before the answer in `<think>…</think>`-style
 * blocks. The answer a caller parses is what follows, so validators strip it first. Only leading
 * blocks are stripped: a `<think>` in the middle of an answer (inside code, say) is content.
 */

const OPEN_TAG = /^\s*<(think|thinking|reasoning|reflection)>/i;
const ORPHAN_CLOSE = /<\/(think|thinking|reasoning|reflection)>/i;

export interface StrippedAnswer {
  /** The answer without its leading reasoning. */
  text: string;
  /** How many characters of the original were removed from the front. */
  offset: number;
}

export function stripReasoning(output: string): StrippedAnswer {
  let offset = 0;
  let rest = output;
  for (;;) {
    const open = OPEN_TAG.exec(rest);
    if (!open) break;
    const closeTag = `</${open[1]!.toLowerCase()}>`;
    const closeAt = rest.toLowerCase().indexOf(closeTag, open[0].length);
    // An unclosed block is a reasoning trace cut short: there is no answer after it.
    const end = closeAt < 0 ? rest.length : closeAt + closeTag.length;
    offset += end;
    rest = rest.slice(end);
  }
  if (offset === 0) {
    // Some hosts drop the opening tag and send only `reasoning…</think>answer`.
    const orphan = ORPHAN_CLOSE.exec(rest);
    if (orphan && !/<(think|thinking|reasoning|reflection)>/i.test(rest.slice(0, orphan.index))) {
      const end = orphan.index + orphan[0].length;
      offset = end;
      rest = rest.slice(end);
    }
  }
  return { text: rest, offset };
}
