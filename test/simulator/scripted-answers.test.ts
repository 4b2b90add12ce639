import { spawnSync } from 'node:child_process';
import { parse as parseTypeScript } from '@typescript-eslint/typescript-estree';
import { describe, expect, it } from 'vitest';
import { writeBrokenCodeAnswer, writeCodeAnswer } from '../../src/simulator/code-answers.js';
import { generateInstance } from '../../src/simulator/json-instance.js';
import { writeBrokenJsonAnswer } from '../../src/simulator/json-answers.js';
import { drawLogNormal } from '../../src/simulator/latency.js';
import { createRandom } from '../../src/simulator/random.js';
import { detectCaseShape, type ScriptedRequest } from '../../src/simulator/scripted-request.js';
import { writeLeakyTextAnswer, writeTextAnswer } from '../../src/simulator/text-answers.js';
import { compileSchema, ticketSchema } from './schema-validator.js';

const richSchema = {
  type: 'object',
  $defs: { item: { type: 'object', properties: { sku: { type: 'string', pattern: '^[A-Z]+$' }, qty: { type: 'integer', minimum: 1, maximum: 9 } }, required: ['sku', 'qty'] } },
  properties: {
    id: { type: 'string', format: 'uuid' },
    created: { type: 'string', format: 'date-time' },
    day: { type: 'string', format: 'date' },
    site: { type: 'string', format: 'uri' },
    kind: { const: 'order' },
    status: { enum: ['new', 'paid'] },
    score: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
    items: { type: 'array', items: { $ref: '#/$defs/item' }, minItems: 2, maxItems: 4 },
    note: { type: ['string', 'null'], minLength: 30 },
    payment: { oneOf: [{ type: 'object', properties: { card: { type: 'string' } }, required: ['card'] }, { type: 'null' }] },
    meta: { allOf: [{ type: 'object', properties: { a: { type: 'integer' } }, required: ['a'] }, { properties: { b: { type: 'boolean' } }, required: ['b'] }] },
  },
  required: ['id', 'created', 'day', 'site', 'kind', 'status', 'score', 'items', 'note', 'payment', 'meta'],
  additionalProperties: false,
};

function extractCode(answer: string): string {
  return /```[a-z]*\n([\s\S]*?)\n```/.exec(answer)![1]!;
}

function parsesTypeScript(code: string): boolean {
  try {
    parseTypeScript(code, { jsx: false });
    return true;
  } catch {
    return false;
  }
}

const hasPython = spawnSync('python3', ['-c', 'pass']).status === 0;
if (!hasPython) console.warn('python3 not found: skipping the Python syntax checks of scripted code answers');

/** ast.parse only parses: the model output is never executed. One process checks every snippet. */
function parsePythonAll(snippets: string[]): boolean[] {
  const script = 'import ast,json,sys\ndef ok(s):\n    try:\n        ast.parse(s)\n        return True\n    except SyntaxError:\n        return False\nprint(json.dumps([ok(s) for s in json.load(sys.stdin)]))';
  const result = spawnSync('python3', ['-c', script], { input: JSON.stringify(snippets), encoding: 'utf8' });
  return JSON.parse(result.stdout) as boolean[];
}

function balanced(code: string): boolean {
  let depth = 0;
  for (const char of code) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}

describe('JSON Schema instances', () => {
  it('satisfy types, formats, const, enum, bounds, refs and combinators', () => {
    const validate = compileSchema(richSchema);
    for (let seed = 0; seed < 200; seed++) {
      const value = generateInstance(richSchema, createRandom(`rich-${seed}`));
      expect(validate(value), `${JSON.stringify(value)} ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('match simple patterns', () => {
    const patterns = ['^[A-Z]{3}-\\d{4}$', '^\\d{5}(-\\d{4})?$', '^(low|medium|high)$', '^[a-z_]+$', '^TCK-[0-9]+$'];
    for (const pattern of patterns) {
      for (let seed = 0; seed < 20; seed++) {
        const value = generateInstance({ type: 'string', pattern }, createRandom(`p-${seed}`));
        expect(value, pattern).toMatch(new RegExp(pattern));
      }
    }
  });

  it('wrong answers never validate and say what is wrong', () => {
    const validate = compileSchema(ticketSchema);
    const flaws = new Set<string>();
    for (let seed = 0; seed < 200; seed++) {
      const { text, flaw } = writeBrokenJsonAnswer(ticketSchema, createRandom(`broken-${seed}`));
      flaws.add(flaw);
      let valid = false;
      try {
        valid = validate(JSON.parse(text));
      } catch {
        valid = false;
      }
      expect(valid, `${flaw}: ${text}`).toBe(false);
    }
    expect([...flaws].sort()).toEqual(['missing_required', 'trailing_comma', 'truncated', 'wrong_value']);
  });
});

describe('code answers', () => {
  it.each(['typescript', 'javascript'] as const)('%s: right answers parse and broken ones do not', (language) => {
    for (let seed = 0; seed < 40; seed++) {
      expect(parsesTypeScript(extractCode(writeCodeAnswer(language, createRandom(`${language}-${seed}`))))).toBe(true);
      expect(parsesTypeScript(extractCode(writeBrokenCodeAnswer(language, createRandom(`${language}-${seed}`))))).toBe(false);
    }
  });

  it.skipIf(!hasPython)('python: right answers parse and broken ones do not', () => {
    const right = Array.from({ length: 20 }, (_, seed) => extractCode(writeCodeAnswer('python', createRandom(`py-${seed}`))));
    const broken = Array.from({ length: 20 }, (_, seed) => extractCode(writeBrokenCodeAnswer('python', createRandom(`py-${seed}`))));
    expect(parsePythonAll(right).every(Boolean)).toBe(true);
    expect(parsePythonAll(broken).some(Boolean)).toBe(false);
  });

  it('sql: right answers balance their parentheses and broken ones do not', () => {
    for (let seed = 0; seed < 30; seed++) {
      expect(balanced(extractCode(writeCodeAnswer('sql', createRandom(`sql-${seed}`))))).toBe(true);
      expect(balanced(extractCode(writeBrokenCodeAnswer('sql', createRandom(`sql-${seed}`))))).toBe(false);
    }
  });
});

describe('prose answers', () => {
  it('right answers carry no email or phone; leaky ones do', () => {
    const pii = /[\w.]+@[\w-]+\.\w+|\+1 \(\d{3}\) \d{3}-\d{4}/;
    for (let seed = 0; seed < 50; seed++) {
      expect(writeTextAnswer(createRandom(`t-${seed}`))).not.toMatch(pii);
      expect(writeLeakyTextAnswer(createRandom(`t-${seed}`))).toMatch(pii);
    }
  });
});

describe('case kind detection', () => {
  const base: ScriptedRequest = { protocol: 'openai', model: 'm', system: '', turns: [], jsonMode: false, tools: [], toolsEnabled: true, stream: false, includeUsage: false, promptChars: 0 };
  const ask = (text: string, extra: Partial<ScriptedRequest> = {}) => detectCaseShape({ ...base, turns: [{ role: 'user', text }], ...extra });

  it('reads json, tool_call, code (with language) and text from the request', () => {
    expect(ask('Extract', { jsonMode: true }).kind).toBe('json');
    expect(ask('Weather?', { tools: [{ name: 'w', parameters: {} }] }).kind).toBe('tool_call');
    expect(ask('Weather?', { tools: [{ name: 'w', parameters: {} }], toolsEnabled: false }).kind).toBe('text');
    expect(ask('Write it in Python, not JavaScript')).toEqual({ kind: 'code', language: 'python' });
    expect(ask('Complete this:\n```ts\nconst x')).toEqual({ kind: 'code', language: 'typescript' });
    expect(ask('A SQL query for revenue')).toEqual({ kind: 'code', language: 'sql' });
    expect(ask('How do refunds work?')).toEqual({ kind: 'text' });
  });
});

describe('latency', () => {
  it('draws a log-normal whose median and 95th percentile match p50/p95', () => {
    const random = createRandom('latency');
    const draws = Array.from({ length: 20_000 }, () => drawLogNormal(random, { p50: 400, p95: 1200 })).sort((a, b) => a - b);
    expect(draws[10_000]!).toBeGreaterThan(380);
    expect(draws[10_000]!).toBeLessThan(420);
    expect(draws[19_000]!).toBeGreaterThan(1100);
    expect(draws[19_000]!).toBeLessThan(1300);
  });
});
