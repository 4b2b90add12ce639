/**
 * A string matching a JSON Schema `pattern`, for the simple patterns schemas use in practice
 * (`^[A-Z]{3}-\d{4}$`, `^\d{5}$`, `^[a-z_]+$`): literals, classes, escapes, groups, alternation
 * and quantifiers. Returns undefined for anything else (lookarounds, backreferences).
 */
import type { Random } from './random.js';

const CLASSES: Record<string, string> = {
  d: '0123456789',
  w: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_',
  s: ' ',
};

type Atom = { chars: string } | { group: Piece[][] };
type Piece = { atom: Atom; min: number; max: number };

export function samplePattern(pattern: string, random: Random): string | undefined {
  try {
    const state = { text: pattern.replace(/^\^/, '').replace(/\$$/, ''), at: 0 };
    const alternatives = parseAlternatives(state);
    if (state.at !== state.text.length) return undefined;
    const out = writeAlternatives(alternatives, random);
    return new RegExp(pattern, 'u').test(out) ? out : undefined;
  } catch {
    return undefined;
  }
}

function parseAlternatives(state: { text: string; at: number }): Piece[][] {
  const alternatives: Piece[][] = [[]];
  while (state.at < state.text.length) {
    const char = state.text[state.at]!;
    if (char === ')') break;
    if (char === '|') {
      state.at++;
      alternatives.push([]);
      continue;
    }
    const atom = parseAtom(state);
    alternatives[alternatives.length - 1]!.push({ atom, ...parseQuantifier(state) });
  }
  return alternatives;
}

function parseAtom(state: { text: string; at: number }): Atom {
  const char = state.text[state.at++]!;
  if (char === '(') {
    if (state.text.startsWith('?:', state.at)) state.at += 2;
    else if (state.text[state.at] === '?') throw new Error('lookaround');
    const inner = parseAlternatives(state);
    if (state.text[state.at++] !== ')') throw new Error('unclosed group');
    return { group: inner };
  }
  if (char === '[') return { chars: parseClass(state) };
  if (char === '\\') return { chars: readEscape(state) };
  if (char === '.') return { chars: 'abcxyz' };
  if ('*+?{'.includes(char)) throw new Error('dangling quantifier');
  return { chars: char };
}

function readEscape(state: { text: string; at: number }): string {
  const next = state.text[state.at++]!;
  if (CLASSES[next]) return CLASSES[next]!;
  if (/[DWSbB\d]/.test(next)) throw new Error('unsupported escape');
  return next;
}

function parseClass(state: { text: string; at: number }): string {
  if (state.text[state.at] === '^') throw new Error('negated class');
  let chars = '';
  while (state.at < state.text.length && state.text[state.at] !== ']') {
    const char = state.text[state.at++]!;
    if (char === '\\') {
      chars += readEscape(state);
      continue;
    }
    if (state.text[state.at] === '-' && state.text[state.at + 1] && state.text[state.at + 1] !== ']') {
      const end = state.text[state.at + 1]!;
      state.at += 2;
      for (let code = char.charCodeAt(0); code <= end.charCodeAt(0); code++) chars += String.fromCharCode(code);
      continue;
    }
    chars += char;
  }
  state.at++;
  if (!chars) throw new Error('empty class');
  return chars;
}

function parseQuantifier(state: { text: string; at: number }): { min: number; max: number } {
  const char = state.text[state.at];
  if (char === '*') return (state.at++, { min: 0, max: 3 });
  if (char === '+') return (state.at++, { min: 1, max: 4 });
  if (char === '?') return (state.at++, { min: 0, max: 1 });
  if (char === '{') {
    const match = /^\{(\d+)(,(\d*))?\}/.exec(state.text.slice(state.at));
    if (!match) throw new Error('bad quantifier');
    state.at += match[0].length;
    const min = Number(match[1]);
    const max = match[2] ? (match[3] ? Number(match[3]) : min + 3) : min;
    return { min, max };
  }
  return { min: 1, max: 1 };
}

function writeAlternatives(alternatives: Piece[][], random: Random): string {
  return random.pick(alternatives).map((piece) => writePiece(piece, random)).join('');
}

function writePiece(piece: Piece, random: Random): string {
  let out = '';
  const count = random.int(piece.min, piece.max);
  for (let index = 0; index < count; index++) out += writeAtom(piece.atom, random);
  return out;
}

function writeAtom(atom: Atom, random: Random): string {
  if ('chars' in atom) return atom.chars[Math.floor(random.next() * atom.chars.length)]!;
  return writeAlternatives(atom.group, random);
}
