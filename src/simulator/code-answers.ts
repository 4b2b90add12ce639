/**
 * Code answers, in fences as models write them. Right answers parse in the requested language;
 * wrong ones carry the syntax slips models make (an unclosed brace, a missing colon, an unbalanced
 * parenthesis). Model output is data: nothing here is ever executed.
 */
import type { Random } from './random.js';
import type { CodeLanguage } from './scripted-request.js';

type Template = (name: string, random: Random) => string;

const NAMES = ['normalizeEmail', 'parseDuration', 'groupByStatus', 'retryWithBackoff', 'chunkItems', 'summarizeOrders'];

const TEMPLATES: Record<CodeLanguage, Template[]> = {
  typescript: [
    (name) => `export function ${name}(input: string): string {\n  const trimmed = input.trim();\n  if (trimmed.length === 0) {\n    throw new Error('input is empty');\n  }\n  return trimmed.toLowerCase();\n}`,
    (name, random) => `interface Item {\n  id: string;\n  status: 'open' | 'closed';\n}\n\nexport function ${name}(items: Item[]): Map<string, Item[]> {\n  const groups = new Map<string, Item[]>();\n  for (const item of items) {\n    const group = groups.get(item.status) ?? [];\n    group.push(item);\n    groups.set(item.status, group);\n  }\n  return groups; // ${random.int(2, 9)} statuses at most in practice\n}`,
    (name, random) => `export async function ${name}<T>(task: () => Promise<T>, attempts = ${random.int(2, 5)}): Promise<T> {\n  let lastError: unknown;\n  for (let attempt = 0; attempt < attempts; attempt++) {\n    try {\n      return await task();\n    } catch (error) {\n      lastError = error;\n      await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 100));\n    }\n  }\n  throw lastError;\n}`,
    (name, random) => `export function ${name}<T>(items: readonly T[], size = ${random.int(2, 50)}): T[][] {\n  const chunks: T[][] = [];\n  for (let index = 0; index < items.length; index += size) {\n    chunks.push(items.slice(index, index + size));\n  }\n  return chunks;\n}`,
  ],
  javascript: [
    (name) => `export function ${name}(input) {\n  const trimmed = String(input).trim();\n  if (!trimmed) {\n    throw new Error('input is empty');\n  }\n  return trimmed.toLowerCase();\n}`,
    (name, random) => `export function ${name}(items, size = ${random.int(2, 50)}) {\n  const chunks = [];\n  for (let index = 0; index < items.length; index += size) {\n    chunks.push(items.slice(index, index + size));\n  }\n  return chunks;\n}`,
    (name) => `export const ${name} = (orders) =>\n  orders.reduce((totals, order) => {\n    totals[order.status] = (totals[order.status] ?? 0) + order.amount;\n    return totals;\n  }, {});`,
  ],
  python: [
    (name) => `def ${snake(name)}(value: str) -> str:\n    trimmed = value.strip()\n    if not trimmed:\n        raise ValueError("value is empty")\n    return trimmed.lower()`,
    (name, random) => `from collections import defaultdict\n\n\ndef ${snake(name)}(items):\n    groups = defaultdict(list)\n    for item in items:\n        groups[item["status"]].append(item)\n    return dict(groups)  # at most ${random.int(2, 9)} statuses`,
    (name, random) => `import time\n\n\ndef ${snake(name)}(task, attempts=${random.int(2, 5)}):\n    last_error = None\n    for attempt in range(attempts):\n        try:\n            return task()\n        except Exception as error:\n            last_error = error\n            time.sleep(2 ** attempt * 0.1)\n    raise last_error`,
    (name, random) => `def ${snake(name)}(items, size=${random.int(2, 50)}):\n    return [items[index:index + size] for index in range(0, len(items), size)]`,
  ],
  sql: [
    (_name, random) => `SELECT customer_id, COUNT(*) AS order_count, SUM(total) AS revenue\nFROM orders\nWHERE created_at >= DATE '2025-0${random.int(1, 9)}-01'\nGROUP BY customer_id\nORDER BY revenue DESC\nLIMIT ${random.int(5, 50)};`,
    () => `SELECT t.id, t.subject, u.email\nFROM tickets AS t\nJOIN users AS u ON u.id = t.user_id\nWHERE t.status = 'open'\n  AND t.priority IN ('high', 'urgent')\nORDER BY t.created_at;`,
    (_name, random) => `WITH monthly AS (\n  SELECT date_trunc('month', created_at) AS month, SUM(total) AS revenue\n  FROM orders\n  GROUP BY 1\n)\nSELECT month, revenue\nFROM monthly\nWHERE revenue > ${random.int(1, 9)}000\nORDER BY month;`,
  ],
};

const FENCES: Record<CodeLanguage, string[]> = {
  typescript: ['typescript', 'ts'],
  javascript: ['javascript', 'js'],
  python: ['python', 'py'],
  sql: ['sql'],
};

const LABELS: Record<CodeLanguage, string> = { typescript: 'TypeScript', javascript: 'JavaScript', python: 'Python', sql: 'SQL' };

export function writeCodeAnswer(language: CodeLanguage, random: Random): string {
  const code = random.pick(TEMPLATES[language])(random.pick(NAMES), random);
  return wrapInFence(language, code, random);
}

/** Code that does not parse: the slips a model makes when it runs out of attention or tokens. */
export function writeBrokenCodeAnswer(language: CodeLanguage, random: Random): string {
  const code = random.pick(TEMPLATES[language])(random.pick(NAMES), random);
  return wrapInFence(language, breakCode(language, code, random), random);
}

function breakCode(language: CodeLanguage, code: string, random: Random): string {
  if (language === 'python') {
    // A missing colon after the def line, or the body cut mid-expression.
    return random.chance(0.5) ? code.replace(/^(def [^\n]*):$/m, '$1') : `${code.replace(/\n[^\n]*$/, '')}\n    return (`;
  }
  if (language === 'sql') return code.includes('(') ? code.replace(/\)(?![\s\S]*\))/, '') : code.replace(/FROM/, 'FROM (');
  // typescript / javascript: drop the last closing brace, or cut inside a call.
  const lastBrace = code.lastIndexOf('}');
  return lastBrace >= 0 && random.chance(0.7) ? code.slice(0, lastBrace).trimEnd() : `${code}\n${language === 'typescript' ? 'const value: number = (' : 'const value = ('}`;
}

function wrapInFence(language: CodeLanguage, code: string, random: Random): string {
  const intro = random.pick([
    `Here's a ${LABELS[language]} implementation:`,
    `Sure — here is one way to do it in ${LABELS[language]}:`,
    `You can do this with a small ${LABELS[language]} ${language === 'sql' ? 'query' : 'function'}:`,
  ]);
  const outro = random.pick(['', '\n\nThis keeps the logic small and easy to test.', '\n\nLet me know if you need it adapted to your codebase.']);
  return `${intro}\n\n\`\`\`${random.pick(FENCES[language])}\n${code}\n\`\`\`${outro}`;
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
