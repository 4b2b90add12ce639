/**
 * Which parts of an answer are the code to check (issue 6): the fences tagged with the case's
 * language family, parsed as their own tag (a ```tsx block as TSX); untagged fences as the case's
 * language; with no fence at all, the whole answer. Untagged fences are skipped when some fence is
 * tagged with the family: beside tagged code they hold shell commands or output, not the answer.
 */
import { findFences } from '../extract/find-fences.js';
import { positionAt, type Origin } from '../extract/positions.js';
import { stripReasoning } from '../extract/strip-reasoning.js';
import { findLanguage, type Language } from './languages.js';

export interface CodeBlock {
  code: string;
  language: Language;
  /** Whether the code came without a tag (untagged fence or the whole answer). */
  untagged: boolean;
  origin: Origin;
  /** How the block was found, for reasons: "```python block at 3:1", "the answer". */
  label: string;
}

export type CodeSelection = { ok: true; blocks: CodeBlock[] } | { ok: false; message: string };

export function selectCodeBlocks(output: string, language: Language): CodeSelection {
  const stripped = stripReasoning(output);
  const base = positionAt(output, stripped.offset);
  if (stripped.text.trim() === '') return { ok: false, message: stripped.offset > 0 ? 'the answer is only a reasoning block' : 'the answer is empty' };
  const fences = findFences(stripped.text);
  if (fences.length === 0) {
    return { ok: true, blocks: [{ code: stripped.text, language, untagged: true, origin: { ...base, indent: 0 }, label: 'the answer' }] };
  }
  const blocks: CodeBlock[] = [];
  const untagged: CodeBlock[] = [];
  for (const fence of fences) {
    const fenceLanguage = fence.lang === '' ? language : findLanguage(fence.lang);
    if (!fenceLanguage || fenceLanguage.family !== language.family) continue;
    // A JavaScript case stays JavaScript: TypeScript in a ```ts block does not run where JS was asked for.
    const parsedAs = language.name === 'javascript' && fenceLanguage.name !== 'javascript' ? language : fenceLanguage;
    const line = base.line + fence.line - 1;
    const block: CodeBlock = {
      code: fence.content,
      language: parsedAs,
      untagged: fence.lang === '',
      origin: { line, column: fence.indent + 1, indent: fence.indent },
      label: `${fence.lang ? `\`\`\`${fence.lang}` : 'untagged'} block at line ${line}`,
    };
    (fence.lang === '' ? untagged : blocks).push(block);
  }
  if (blocks.length > 0) return { ok: true, blocks };
  if (untagged.length > 0) return { ok: true, blocks: untagged };
  const tags = [...new Set(fences.map((fence) => fence.lang))].join(', ');
  return { ok: false, message: `no ${language.name} code block in the answer (blocks found: ${tags})` };
}
