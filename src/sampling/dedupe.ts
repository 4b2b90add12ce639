/**
 * De-duplication keys. `exact`: the prompt with whitespace normalised. `template`: numbers, ids,
 * e-mails, URLs, UUIDs and quoted strings replaced by placeholders, so "refund order 4411 for
 * ana@x.io" and "refund order 9120 for li@y.com" collapse. Keys are kept as 64-bit hashes in an
 * open-addressing table (16 bytes a slot), never as strings, so memory stays small on big logs.
 */
import type { ChatMessage } from '../core/types.js';
import type { DedupeMode, LogRecord } from './types.js';

function readContent(message: ChatMessage): string {
  const content = message.content;
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => { const text = (part as { text?: unknown }).text; return typeof text === 'string' ? text : part.type; }).join(' ');
  return message.tool_calls ? JSON.stringify(message.tool_calls.map((call) => call.function)) : '';
}

const TEMPLATE_RULES: Array<[RegExp, string]> = [
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '<EMAIL>'],
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi, '<URL>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<UUID>'],
  [/"[^"\n]{0,200}"|\u201c[^\u201d\n]{0,200}\u201d|(?<![\w])'[^'\n]{0,200}'(?![\w])/g, '<STR>'],
  // Identifiers: tokens mixing letters and digits (ORD-77A1, usr_8f9a2) and whole numbers of 3+
  // digits (order 4411), so "order 4411" and "order ORD-77A1" share a template.
  [/\b(?:(?=[A-Za-z_-]*\d)(?=\d*[A-Za-z_])[A-Za-z0-9_-]{4,}|\d{3,}(?![.,]\d))\b/g, '<ID>'],
  [/\d+(?:[.,:/-]\d+)*/g, '<NUM>'],
  [/\s+/g, ' '],
];

export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function toTemplate(text: string): string {
  let out = text;
  for (const [pattern, placeholder] of TEMPLATE_RULES) out = out.replace(pattern, placeholder);
  return out.trim();
}

/** The text a duplicate is judged on: every message's role and content, in order. */
export function readPromptText(record: LogRecord): string {
  let text = '';
  for (const message of record.request.messages) text += `\u0001${message.role}\u0002${readContent(message)}`;
  return text;
}

/**
 * Recent message texts → their normal form. System prompts repeat on every line of a log, so most
 * lookups hit; the cache is cleared when full, keeping memory bounded whatever the log size.
 */
const CACHE_LIMIT = 2048;
const normalFormCache = { exact: new Map<string, string>(), template: new Map<string, string>() };

function toNormalForm(text: string, mode: DedupeMode): string {
  const cache = normalFormCache[mode];
  let normal = cache.get(text);
  if (normal === undefined) {
    normal = mode === 'exact' ? normaliseWhitespace(text) : toTemplate(text);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, normal);
  }
  return normal;
}

export function toDedupeKey(record: LogRecord, mode: DedupeMode): string {
  let key = '';
  for (const message of record.request.messages) key += `\u0001${message.role}\u0002${toNormalForm(readContent(message), mode)}`;
  return key;
}

/** Two independent 32-bit hashes (FNV-1a and a multiply-rotate) of one pass: a 64-bit key. */
export function hashKey(text: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, (b | 1) >>> 0];
}

/** Counts (sums of weights) per 64-bit key. */
export class KeyCounter {
  private high = new Uint32Array(1024);
  private low = new Uint32Array(1024);
  private totals = new Float64Array(1024);
  private used = 0;

  get distinct(): number {
    return this.used;
  }

  /** Adds `weight` to the key; returns true if the key was new. */
  add([high, low]: [number, number], weight: number): boolean {
    if (this.used * 2 >= this.low.length) this.grow();
    const slot = this.findSlot(high, low);
    const isNew = this.low[slot] === 0;
    if (isNew) {
      this.high[slot] = high;
      this.low[slot] = low;
      this.used += 1;
    }
    this.totals[slot]! += weight;
    return isNew;
  }

  total([high, low]: [number, number]): number {
    const slot = this.findSlot(high, low);
    return this.low[slot] === 0 ? 0 : this.totals[slot]!;
  }

  private findSlot(high: number, low: number): number {
    const mask = this.low.length - 1;
    let slot = (high ^ Math.imul(low, 0x9e3779b1)) & mask;
    while (this.low[slot] !== 0 && (this.low[slot] !== low || this.high[slot] !== high)) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { high, low, totals } = this;
    this.high = new Uint32Array(low.length * 2);
    this.low = new Uint32Array(low.length * 2);
    this.totals = new Float64Array(low.length * 2);
    for (let i = 0; i < low.length; i += 1) {
      if (low[i] === 0) continue;
      const slot = this.findSlot(high[i]!, low[i]!);
      this.high[slot] = high[i]!;
      this.low[slot] = low[i]!;
      this.totals[slot] = totals[i]!;
    }
  }
}
