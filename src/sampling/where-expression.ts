/**
 * --where: a tiny, safe filter language (no eval). Field paths compared with literals:
 *   model == "gpt-4o" && (metadata.tier == "pro" || tags contains "billing") && !cache_hit
 * Operators: == != > >= < <= contains, && || ! and parentheses; literals: "strings", 'strings',
 * numbers, true, false, null. A field alone is a truthiness test. `==` on an array field is true
 * when any element equals the literal.
 */
import { UserInputError } from '../core/errors.js';
import { createFieldReader, type FieldReader } from './field-path.js';
import type { LogRecord } from './types.js';

type Literal = string | number | boolean | null;
type Node =
  | { kind: 'or' | 'and'; left: Node; right: Node }
  | { kind: 'not'; operand: Node }
  | { kind: 'compare'; field: FieldReader; operator: string; value: Literal }
  | { kind: 'truthy'; field: FieldReader };

export type WherePredicate = (raw: Record<string, unknown>, record: LogRecord) => boolean;

interface Token {
  type: 'path' | 'string' | 'number' | 'word' | 'op' | 'end';
  text: string;
  column: number;
}

const TOKEN = /\s*(?:("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(-?\d+(?:\.\d+)?(?![\w.]))|(==|!=|>=|<=|&&|\|\||[><!()])|([A-Za-z_$][\w$-]*(?::[\w-]+)?(?:\.[A-Za-z_$][\w$-]*|\[\d+\]|\["[^"]*"\])*))/y;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    if (/^\s*$/.test(source.slice(at))) break;
    TOKEN.lastIndex = at;
    const match = TOKEN.exec(source);
    if (!match) fail(source, at + (source.slice(at).length - source.slice(at).trimStart().length), 'unexpected character');
    const column = at + match[0].length - match[0].trimStart().length + 1;
    if (match[1] !== undefined) tokens.push({ type: 'string', text: match[1], column });
    else if (match[2] !== undefined) tokens.push({ type: 'number', text: match[2], column });
    else if (match[3] !== undefined) tokens.push({ type: 'op', text: match[3], column });
    else if (['contains', 'true', 'false', 'null'].includes(match[4]!)) tokens.push({ type: 'word', text: match[4]!, column });
    else tokens.push({ type: 'path', text: match[4]!, column });
    at = TOKEN.lastIndex;
  }
  tokens.push({ type: 'end', text: '', column: source.length + 1 });
  return tokens;
}

function fail(source: string, index: number, message: string): never {
  throw new UserInputError(`--where: ${message} at column ${index + 1} of "${source}"`, {
    hint: 'Example: --where \'model == "gpt-4o" && (metadata.tier == "pro" || tags contains "billing")\'',
  });
}

const COMPARISONS = new Set(['==', '!=', '>', '>=', '<', '<=', 'contains']);

export function parseWhere(source: string): WherePredicate {
  const tokens = tokenize(source);
  let index = 0;
  const peek = (): Token => tokens[index]!;
  const next = (): Token => tokens[index++]!;

  const readLiteral = (): Literal => {
    const token = next();
    if (token.type === 'string') return JSON.parse(token.text[0] === "'" ? `"${token.text.slice(1, -1).replace(/"/g, '\\"')}"` : token.text) as string;
    if (token.type === 'number') return Number(token.text);
    if (token.type === 'word' && token.text !== 'contains') return token.text === 'null' ? null : token.text === 'true';
    return fail(source, token.column - 1, 'expected a string, number, true, false or null');
  };
  const readPrimary = (): Node => {
    const token = next();
    if (token.type === 'op' && token.text === '!') return { kind: 'not', operand: readPrimary() };
    if (token.type === 'op' && token.text === '(') {
      const inner = readOr();
      const closing = next();
      if (closing.text !== ')') fail(source, closing.column - 1, 'expected ")"');
      return inner;
    }
    if (token.type !== 'path') return fail(source, token.column - 1, `expected a field path, got "${token.text || 'end of input'}"`);
    const field = createFieldReader(token.text, '--where');
    const operator = peek();
    if ((operator.type === 'op' || operator.type === 'word') && COMPARISONS.has(operator.text)) {
      next();
      return { kind: 'compare', field, operator: operator.text, value: readLiteral() };
    }
    return { kind: 'truthy', field };
  };
  const readAnd = (): Node => {
    let node = readPrimary();
    while (peek().text === '&&') {
      next();
      node = { kind: 'and', left: node, right: readPrimary() };
    }
    return node;
  };
  const readOr = (): Node => {
    let node = readAnd();
    while (peek().text === '||') {
      next();
      node = { kind: 'or', left: node, right: readAnd() };
    }
    return node;
  };
  const root = readOr();
  if (peek().type !== 'end') fail(source, peek().column - 1, `unexpected "${peek().text}"`);
  return (raw, record) => evaluate(root, raw, record);
}

/**
 * A number written as text (CSV cells, ClickHouse's quoted 64-bit integers) compares as the number
 * it is: `delay_ms > 1000` must not silently drop every row of a CSV export.
 */
function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

function compareValues(actual: unknown, operator: string, expected: Literal): boolean {
  if (Array.isArray(actual) && operator !== 'contains') {
    return operator === '!=' ? actual.every((item) => compareValues(item, '!=', expected)) : actual.some((item) => compareValues(item, operator, expected));
  }
  const numbers = typeof actual === 'number' || typeof expected === 'number' ? [asNumber(actual), asNumber(expected)] : undefined;
  switch (operator) {
    case '==':
      if (actual === expected || (actual === undefined && expected === null)) return true;
      return numbers !== undefined && numbers[0] !== undefined && numbers[0] === numbers[1];
    case '!=':
      return !compareValues(actual, '==', expected);
    case 'contains':
      if (Array.isArray(actual)) return actual.some((item) => item === expected);
      return typeof actual === 'string' && typeof expected === 'string' && actual.includes(expected);
    default: {
      if (numbers && numbers[0] !== undefined && numbers[1] !== undefined) return order(numbers[0], numbers[1], operator);
      if (typeof actual === 'string' && typeof expected === 'string') return order(actual, expected, operator);
      return false;
    }
  }
}

function order<T extends number | string>(a: T, b: T, operator: string): boolean {
  return operator === '>' ? a > b : operator === '>=' ? a >= b : operator === '<' ? a < b : a <= b;
}

function evaluate(node: Node, raw: Record<string, unknown>, record: LogRecord): boolean {
  switch (node.kind) {
    case 'or':
      return evaluate(node.left, raw, record) || evaluate(node.right, raw, record);
    case 'and':
      return evaluate(node.left, raw, record) && evaluate(node.right, raw, record);
    case 'not':
      return !evaluate(node.operand, raw, record);
    case 'truthy': {
      const value = node.field(raw, record);
      return Array.isArray(value) ? value.length > 0 : Boolean(value);
    }
    case 'compare':
      return compareValues(node.field(raw, record), node.operator, node.value);
  }
}
