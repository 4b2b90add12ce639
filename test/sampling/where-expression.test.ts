import { describe, expect, it } from 'vitest';
import { isUserInputError } from '../../src/core/errors.js';
import { parseWhere } from '../../src/sampling/index.js';
import type { LogRecord } from '../../src/sampling/types.js';

const record: LogRecord = { request: { messages: [{ role: 'user', content: 'hi' }] }, model: 'gpt-4o', tags: ['billing', 'tier:pro'], weight: 1 };
const raw = { metadata: { tier: 'pro', tokens: 420, 'team-id': 't7' }, cache_hit: false, messages: [{ role: 'user' }] };

function test(expression: string): boolean {
  return parseWhere(expression)(raw, record);
}

describe('--where expressions', () => {
  it('compares field paths with literals, falling back to the canonical record', () => {
    expect(test('model == "gpt-4o"')).toBe(true);
    expect(test("model != 'gpt-4o'")).toBe(false);
    expect(test('metadata.tokens > 400 && metadata.tokens <= 420')).toBe(true);
    expect(test('metadata["team-id"] == "t7"')).toBe(true);
    expect(test('messages[0].role == "user"')).toBe(true);
  });

  it('supports contains on arrays and strings, any-element ==, !, || and parentheses', () => {
    expect(test('tags contains "billing"')).toBe(true);
    expect(test('tags == "tier:pro"')).toBe(true);
    expect(test('model contains "4o" && !(cache_hit || metadata.tier == "free")')).toBe(true);
    expect(test('missing.field == null')).toBe(true);
    expect(test('cache_hit')).toBe(false);
  });

  it('compares numbers written as text (CSV cells, ClickHouse 64-bit integers) as numbers', () => {
    const row = { delay_ms: '1250', prompt_tokens: '13', response_status: '200', note: '12 apples', empty: '' };
    const where = (expression: string): boolean => parseWhere(expression)(row, record);
    expect(where('delay_ms > 1000')).toBe(true);
    expect(where('delay_ms > 2000')).toBe(false);
    expect(where('prompt_tokens >= 13 && prompt_tokens < 100')).toBe(true);
    expect(where('response_status == 200')).toBe(true);
    expect(where('response_status != 200')).toBe(false);
    // Text that is not a number is not compared with numbers; strings still compare as strings.
    expect(where('note > 10')).toBe(false);
    expect(where('empty == 0')).toBe(false);
    expect(where('response_status == "200"')).toBe(true);
  });

  it('is never evaluated as code', () => {
    expect(() => parseWhere('process.exit(1)')).toThrow();
    expect(test('constructor == "x"')).toBe(false);
  });

  it('reports syntax errors with their column', () => {
    for (const [expression, column] of [['model ==', 9], ['model == "a" &&', 16], ['(model == "a"', 14], ['model = "a"', 7]] as const) {
      let caught: unknown;
      try {
        parseWhere(expression);
      } catch (error) {
        caught = error;
      }
      expect(isUserInputError(caught), expression).toBe(true);
      expect((caught as Error).message).toContain(`column ${column}`);
    }
  });
});
