/**
 * Python 3 through @lezer/python: a pure-JS LR grammar (CodeMirror's), small and fast, with error
 * nodes where the grammar breaks. It is an editor grammar, so it tolerates some things CPython
 * rejects; the checks after the parse close those gaps: Python 2 `print x`, unterminated strings,
 * and indentation that does not line up with an enclosing block.
 */
import type { SyntaxNode, Tree } from '@lezer/common';
import { parser } from '@lezer/python';
import { positionAt } from '../extract/positions.js';
import type { SyntaxProblem } from './syntax-problem.js';

const CLAUSE_KEYWORDS = new Set(['elif', 'else', 'except', 'finally']);

export function checkPython(code: string): SyntaxProblem | undefined {
  const tree = parser.parse(code);
  const offset = findFirstProblem(tree, code);
  return offset && { ...positionAt(code, offset.at), message: offset.message };
}

interface Found {
  at: number;
  message: string;
}

function findFirstProblem(tree: Tree, code: string): Found | undefined {
  let found: Found | undefined;
  const keep = (candidate: Found) => {
    if (!found || candidate.at < found.at) found = candidate;
  };
  tree.iterate({
    enter(node) {
      if (found && node.from > found.at) return false;
      if (node.type.isError) {
        keep({ at: node.from, message: describeErrorAt(code, node.from) });
        return false;
      }
      if (node.name === 'PrintStatement') keep({ at: node.from, message: 'Python 2 print statement (Python 3 needs print(...))' });
      else if (node.name === 'String' && !isTerminatedString(code.slice(node.from, node.to))) keep({ at: node.from, message: 'unterminated string literal' });
      return undefined;
    },
  });
  const indentation = checkIndentation(tree.topNode, code, 0);
  if (indentation) keep(indentation);
  return found;
}

function describeErrorAt(code: string, at: number): string {
  const rest = code.slice(at).match(/^\s*(\S{1,20})/)?.[1];
  return rest ? `invalid syntax near "${rest}"` : 'unexpected end of input';
}

function isTerminatedString(text: string): boolean {
  const body = text.replace(/^[rRbBuUfF]{0,2}/, '');
  const quote = body.startsWith('"""') || body.startsWith("'''") ? body.slice(0, 3) : body.slice(0, 1);
  if (body.length < quote.length * 2 || !body.endsWith(quote)) return false;
  // A closing quote that is itself escaped does not close (an odd run of backslashes before it).
  const before = body.slice(0, body.length - quote.length).match(/\\*$/)?.[0].length ?? 0;
  return before % 2 === 0;
}

/** Statements that begin a line must sit at their block's column; clause keywords at their statement's. */
function checkIndentation(block: SyntaxNode, code: string, expected?: number): Found | undefined {
  let column = expected;
  for (let child = block.firstChild; child; child = child.nextSibling) {
    if (child.name === ':' || child.name === 'Comment' || child.type.isError) continue;
    const childColumn = lineStartColumn(code, child.from);
    if (childColumn !== undefined) {
      column ??= childColumn;
      if (childColumn !== column) return { at: child.from, message: 'unindent does not match any outer indentation level' };
    }
    const nested = checkStatement(child, childColumn ?? column, code);
    if (nested) return nested;
  }
  return undefined;
}

function checkStatement(statement: SyntaxNode, column: number | undefined, code: string): Found | undefined {
  for (let part = statement.firstChild; part; part = part.nextSibling) {
    if (part.name === 'Body' || part.name === 'MatchBody') {
      const found = checkIndentation(part, code);
      if (found) return found;
    } else if (CLAUSE_KEYWORDS.has(part.name)) {
      const keywordColumn = lineStartColumn(code, part.from);
      if (keywordColumn !== undefined && column !== undefined && keywordColumn !== column) {
        return { at: part.from, message: `"${part.name}" does not line up with its statement` };
      }
    } else if (/(Statement|Definition|Clause)$/.test(part.name)) {
      const found = checkStatement(part, column, code);
      if (found) return found;
    }
  }
  return undefined;
}

/** The column of `offset` when only whitespace precedes it on its line, else undefined. */
function lineStartColumn(code: string, offset: number): number | undefined {
  const lineStart = code.lastIndexOf('\n', offset - 1) + 1;
  const prefix = code.slice(lineStart, offset);
  return /^[ \t]*$/.test(prefix) ? prefix.length : undefined;
}
