/**
 * `chainproof score` — score recorded answers with no model calls (DESIGN.md §8, §9):
 *   chainproof score --validator NAME --in FILE [--options JSON] [--out FILE]
 *   chainproof score SUITE --answers FILE [--out FILE]
 * Verdict lines go to --out (written to a temporary file, renamed when complete) or stdout; a
 * per-validator summary goes to stderr.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { loadSuite } from '../../config/load-suite.js';
import { readDataset } from '../../config/read-dataset.js';
import { UserInputError } from '../../core/errors.js';
import type { Case } from '../../core/types.js';
import { createValidator, createValidators } from '../../validators/create-validators.js';
import { scoreAnswerFile, type CaseLookup, type VerdictLine } from '../../validators/score/score-answers.js';
import type { Validator } from '../../validators/types.js';
import { isNotApplicable } from '../../validators/verdicts.js';
import { readStringFlag, type CliIO, type Command, type ParsedArgs } from '../command.js';

export const scoreCommand: Command = {
  name: 'score',
  summary: 'Score recorded answers with validators, no model calls',
  usage: 'chainproof score <suite> --answers FILE [--out FILE]  |  chainproof score --validator NAME --in FILE [--options JSON] [--out FILE]',
  flags: {
    answers: { type: 'string', value: 'FILE', description: 'Recorded answers (JSONL) to score with the suite’s validators' },
    validator: { type: 'string', value: 'NAME', description: 'Score with this one validator instead of a suite' },
    in: { type: 'string', value: 'FILE', description: 'Recorded answers (JSONL) for --validator' },
    options: { type: 'string', value: 'JSON', description: 'Options of --validator as a JSON object, e.g. \'{"mode":"strict"}\'' },
    out: { type: 'string', value: 'FILE', description: 'Write verdicts here (JSONL) instead of stdout' },
  },
  async run(args, io) {
    const setup = await prepareScoring(args, io);
    const counts = new Map<string, { pass: number; fail: number; notApplicable: number }>();
    await writeVerdicts(readStringFlag(args.values, 'out'), io, async (write) => {
      for await (const line of scoreAnswerFile(setup.answersPath, setup.answersDisplay, { validators: setup.validators, lookupCase: setup.lookupCase })) {
        await write(`${JSON.stringify(line)}\n`);
        tally(counts, line);
      }
    });
    for (const [name, count] of counts) {
      io.stderr.write(`${name}: ${count.pass} passed, ${count.fail} failed, ${count.notApplicable} not applicable\n`);
    }
    return 0;
  },
};

interface ScoringSetup {
  validators: Validator[];
  answersPath: string;
  answersDisplay: string;
  lookupCase?: CaseLookup;
}

async function prepareScoring(args: ParsedArgs, io: CliIO): Promise<ScoringSetup> {
  const name = readStringFlag(args.values, 'validator');
  const suitePath = args.positionals[0];
  if (name !== undefined) {
    if (suitePath !== undefined) throw new UserInputError('pass either a suite or --validator, not both', { hint: 'chainproof score --validator json-schema --in answers.jsonl' });
    const input = readStringFlag(args.values, 'in') ?? readStringFlag(args.values, 'answers');
    if (!input) throw new UserInputError('--validator needs --in FILE (the recorded answers)', { hint: 'chainproof score --validator json-schema --in answers.jsonl' });
    const validator = await createValidator(name, parseOptionsFlag(readStringFlag(args.values, 'options')), { baseDir: io.cwd });
    return { validators: [validator], answersPath: path.resolve(io.cwd, input), answersDisplay: input };
  }
  if (suitePath === undefined) throw new UserInputError('score needs a suite or --validator NAME', { hint: 'chainproof score suite.yaml --answers answers.jsonl' });
  const answers = readStringFlag(args.values, 'answers') ?? readStringFlag(args.values, 'in');
  if (!answers) throw new UserInputError('score <suite> needs --answers FILE (the recorded answers)');
  const loaded = await loadSuite(suitePath, io.cwd);
  const validators = await createValidators(loaded.suite.validators, { baseDir: loaded.baseDir });
  const cases = new Map<string, Pick<Case, 'id' | 'request' | 'expect' | 'tags'>>();
  for (const dataset of loaded.suite.datasets) {
    for await (const testCase of readDataset(path.resolve(loaded.baseDir, dataset.path), dataset.path)) {
      cases.set(testCase.id, { id: testCase.id, request: testCase.request, expect: testCase.expect, tags: testCase.tags });
    }
  }
  return { validators, answersPath: path.resolve(io.cwd, answers), answersDisplay: answers, lookupCase: (id) => cases.get(id) };
}

function parseOptionsFlag(raw: string | undefined): Record<string, unknown> {
  if (raw === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new UserInputError(`--options is not JSON: ${raw}`, { hint: 'Pass a JSON object, e.g. --options \'{"lenient": true}\'' });
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new UserInputError('--options must be a JSON object');
  return value as Record<string, unknown>;
}

type WriteLine = (text: string) => Promise<void>;

async function writeVerdicts(out: string | undefined, io: CliIO, produce: (write: WriteLine) => Promise<void>): Promise<void> {
  if (out === undefined) {
    await produce((text) => writeWithBackpressure(io.stdout, text));
    return;
  }
  const target = path.resolve(io.cwd, out);
  const temporary = `${target}.${process.pid}.tmp`;
  const stream = createWriteStream(temporary, { encoding: 'utf8' });
  try {
    await produce((text) => writeWithBackpressure(stream, text));
    stream.end();
    await once(stream, 'finish');
    await rename(temporary, target);
  } catch (error) {
    // Let queued writes settle before removing the partial file; a write error is not the story here.
    stream.on('error', () => undefined);
    stream.end();
    await once(stream, 'close').catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}

async function writeWithBackpressure(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

function tally(counts: Map<string, { pass: number; fail: number; notApplicable: number }>, line: VerdictLine): void {
  let count = counts.get(line.validator);
  if (!count) counts.set(line.validator, (count = { pass: 0, fail: 0, notApplicable: 0 }));
  if (isNotApplicable({ ...line, validator: line.validator })) count.notApplicable += 1;
  else if (line.pass) count.pass += 1;
  else count.fail += 1;
}
