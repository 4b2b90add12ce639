/**
 * SQL through node-sql-parser: PEG grammars for many dialects (PostgreSQL, MySQL, MariaDB, SQLite,
 * T-SQL, BigQuery, Snowflake, Redshift, Trino, Hive, Db2, Athena, Flink SQL), actively maintained,
 * pure JS, with a located first error. Each dialect's build is loaded only when first used. Plain
 * `sql` (dialect unknown) passes when PostgreSQL, MySQL or SQLite accepts it, so a model is not
 * failed for writing valid MySQL where the case did not say PostgreSQL.
 */
import { createRequire } from 'node:module';
import type { SyntaxCheck, SyntaxProblem } from './syntax-problem.js';

const require = createRequire(import.meta.url);

/** Dialect name → node-sql-parser build. */
export const SQL_DIALECTS: Record<string, string> = {
  postgresql: 'postgresql',
  mysql: 'mysql',
  mariadb: 'mariadb',
  sqlite: 'sqlite',
  transactsql: 'transactsql',
  bigquery: 'bigquery',
  snowflake: 'snowflake',
  redshift: 'redshift',
  trino: 'trino',
  hive: 'hive',
  db2: 'db2',
  athena: 'athena',
  flinksql: 'flinksql',
};

// T-SQL and BigQuery are left out of the generic set: T-SQL reads a misspelt keyword as a procedure
// call (`SELEC id FROM t` parses) and BigQuery accepts trailing commas. Cases in those dialects name them.
const GENERIC_ORDER = ['postgresql', 'mysql', 'sqlite'];

interface SqlParser {
  astify(sql: string, options: { database: string }): unknown;
}

const parsers = new Map<string, SqlParser>();

function parserFor(build: string): SqlParser {
  let parser = parsers.get(build);
  if (!parser) {
    const module = require(`node-sql-parser/build/${build}`) as { Parser: new () => SqlParser };
    parser = new module.Parser();
    parsers.set(build, parser);
  }
  return parser;
}

export function createSqlCheck(dialect: string | undefined): SyntaxCheck {
  const builds = dialect ? [SQL_DIALECTS[dialect] ?? dialect] : GENERIC_ORDER;
  return (code) => {
    let first: SyntaxProblem | undefined;
    for (const build of builds) {
      const problem = checkWith(build, code);
      if (!problem) return undefined;
      first ??= problem;
    }
    return first && (dialect ? first : { ...first, message: `${first.message} (no common SQL dialect accepts it; PostgreSQL's error shown)` });
  };
}

function checkWith(build: string, code: string): SyntaxProblem | undefined {
  if (code.trim() === '') return { message: 'empty SQL', line: 1, column: 1 };
  try {
    parserFor(build).astify(code, { database: build });
    return undefined;
  } catch (error) {
    const { location, found } = error as { location?: { start: { line: number; column: number } }; found?: string | null };
    if (!location) return { message: (error as Error).message.split('\n')[0]!, line: 1, column: 1 };
    const message = found === null || found === undefined ? 'unexpected end of SQL' : `unexpected ${JSON.stringify(found)}`;
    return { message, line: location.start.line, column: location.start.column };
  }
}
