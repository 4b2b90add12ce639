/**
 * Reads a run directory: run.json (manifest + summary) in one piece, attempts.jsonl line by line
 * so that memory does not grow with the number of attempts.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { UserInputError } from '../core/errors.js';
import type { Attempt } from '../core/types.js';
import { readAttempts } from './attempt-log.js';
import { RECORD_SCHEMA_VERSION, type RunRecordFile } from './types.js';

export const RUN_FILE = 'run.json';
export const ATTEMPTS_FILE = 'attempts.jsonl';

/** The fields every reader relies on; the rest passes through untouched. */
const RunRecordShape = z.looseObject({
  schema_version: z.number().int().positive(),
  run_id: z.string(),
  simulated: z.boolean(),
  complete: z.boolean(),
  suite: z.looseObject({ name: z.string() }),
  cases_digest: z.string(),
  candidates: z.array(z.looseObject({ id: z.string(), provider: z.string(), model: z.string() })),
  primary: z.string(),
  summary: z.looseObject({
    scorecards: z.array(z.looseObject({ candidate_id: z.string() })),
    qualification: z.array(z.looseObject({ candidate_id: z.string() })),
    ranking: z.array(z.looseObject({ candidate_id: z.string() })),
    proposed_chain: z.array(z.string()),
    warnings: z.array(z.string()),
  }),
});


export async function readRunRecord(runDirOrFile: string): Promise<RunRecordFile> {
  // `report reports/x/run.json` means the run in reports/x.
  const runDir = path.basename(runDirOrFile) === RUN_FILE ? path.dirname(runDirOrFile) : runDirOrFile;
  const file = path.join(runDir, RUN_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UserInputError(`no ${RUN_FILE} in ${runDir}`, {
      location: { file: runDir },
      hint: 'Pass the directory a run wrote (reports/<run-id>/); an interrupted run writes run.json when it is resumed.',
    });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UserInputError(`${RUN_FILE} is not valid JSON: ${(error as Error).message}`, { location: { file } });
  }
  const version = (raw as { schema_version?: unknown } | null)?.schema_version;
  if (typeof version === 'number' && version > RECORD_SCHEMA_VERSION) {
    throw new UserInputError(`${RUN_FILE} has schema_version ${version}; this chainproof reads up to ${RECORD_SCHEMA_VERSION}`, {
      location: { file, path: 'schema_version' },
      hint: 'Upgrade chainproof to read this run.',
    });
  }
  const parsed = RunRecordShape.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserInputError(`${RUN_FILE} is not a chainproof run record: ${issue.message}`, {
      location: { file, path: issue.path.join('.') },
    });
  }
  return parsed.data as unknown as RunRecordFile;
}

/**
 * Streams attempts.jsonl of a run directory (the attempt log's reader: constant memory, a torn last
 * line skipped). A run directory without attempts yet yields nothing.
 */
export async function* readRunAttempts(runDir: string): AsyncGenerator<Attempt> {
  const file = path.join(runDir, ATTEMPTS_FILE);
  const exists = await stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
  if (!exists) return;
  yield* readAttempts(file);
}

export async function collectAttempts(source: AsyncIterable<Attempt>): Promise<Attempt[]> {
  const out: Attempt[] = [];
  for await (const attempt of source) out.push(attempt);
  return out;
}
