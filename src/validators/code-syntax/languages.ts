/**
 * Languages code-syntax can check, by the names a case or a fence uses. A family groups the tags
 * that count as code of the case's language (a ```tsx block answers a TypeScript case). More
 * languages: add a checker and its names here.
 */
import { createEcmaCheck } from './check-typescript.js';
import { createJsonCheck } from './check-json.js';
import { checkPython } from './check-python.js';
import { createSqlCheck, SQL_DIALECTS } from './check-sql.js';
import type { SyntaxCheck } from './syntax-problem.js';

export type LanguageFamily = 'javascript' | 'python' | 'sql' | 'json';

export interface Language {
  /** Canonical name shown in reasons. */
  name: string;
  family: LanguageFamily;
  check: SyntaxCheck;
  /** How code with no tag (untagged fence, bare answer) is checked, when it differs. */
  untagged?: SyntaxCheck;
}

const checkTsx = createEcmaCheck({ typescript: true, jsx: true });
const checkTs = createEcmaCheck({ typescript: true, jsx: false });
// Untagged TypeScript may be a .ts or a .tsx file (React answers to TypeScript cases): either parse passes.
const checkTsOrTsx: SyntaxCheck = (code) => {
  const problem = checkTs(code);
  return problem && checkTsx(code) && problem;
};
const typescript: Language = { name: 'typescript', family: 'javascript', check: checkTs, untagged: checkTsOrTsx };
const tsx: Language = { name: 'tsx', family: 'javascript', check: checkTsx };
// JSX is allowed in plain JavaScript because React code is routinely written and tagged as .js.
const javascript: Language = { name: 'javascript', family: 'javascript', check: createEcmaCheck({ typescript: false, jsx: true }) };
const moduleJavascript: Language = { name: 'javascript', family: 'javascript', check: createEcmaCheck({ typescript: false, jsx: false }) };
const python: Language = { name: 'python', family: 'python', check: checkPython };
const sql: Language = { name: 'sql', family: 'sql', check: createSqlCheck(undefined) };
const json: Language = { name: 'json', family: 'json', check: createJsonCheck(false) };
const jsonc: Language = { name: 'jsonc', family: 'json', check: createJsonCheck(true) };

const SQL_ALIASES: Record<string, string> = {
  postgres: 'postgresql',
  psql: 'postgresql',
  pgsql: 'postgresql',
  plpgsql: 'postgresql',
  tsql: 'transactsql',
  mssql: 'transactsql',
  sqlserver: 'transactsql',
  't-sql': 'transactsql',
  presto: 'trino',
  sparksql: 'hive',
  flink: 'flinksql',
};

const LANGUAGES = new Map<string, Language>([
  ...['ts', 'typescript', 'mts', 'cts'].map((tag) => [tag, typescript] as const),
  ['tsx', tsx],
  ...['js', 'javascript', 'jsx', 'node', 'es6'].map((tag) => [tag, javascript] as const),
  ...['mjs', 'cjs'].map((tag) => [tag, moduleJavascript] as const),
  ...['py', 'python', 'python3', 'py3'].map((tag) => [tag, python] as const),
  ['sql', sql],
  ...['json'].map((tag) => [tag, json] as const),
  ...['jsonc', 'json5'].map((tag) => [tag, jsonc] as const),
]);

for (const dialect of Object.keys(SQL_DIALECTS)) LANGUAGES.set(dialect, { name: dialect, family: 'sql', check: createSqlCheck(dialect) });
for (const [alias, dialect] of Object.entries(SQL_ALIASES)) LANGUAGES.set(alias, LANGUAGES.get(dialect)!);

export function findLanguage(name: string): Language | undefined {
  return LANGUAGES.get(name.trim().toLowerCase());
}

export function listLanguageNames(): string[] {
  return [...LANGUAGES.keys()];
}
