// Throughput of the validators on one core, over the labelled sets (answers as models write them).
// Run: npm run build && node bench/validators-bench.mjs [--seconds N]
// Targets (issue 6): json-schema ≥ 2,000 answers/s, code-syntax ≥ 500 answers/s.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createValidators } from '../dist/validators/index.js';
import { AnswerLineSchema, toValidationInput } from '../dist/validators/score/answer-line.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const labelled = path.join(root, 'test', 'fixtures', 'validators', 'labelled');
const secondsFlag = process.argv.indexOf('--seconds');
const seconds = secondsFlag > 0 ? Number(process.argv[secondsFlag + 1]) : 2;

const SETS = [
  { validator: 'json-schema', file: 'json-schema.jsonl', target: 2000 },
  { validator: 'code-syntax', file: 'code-syntax.jsonl', target: 500 },
  { validator: 'tool-call', file: 'tool-call.jsonl', target: undefined },
];

function loadInputs(file) {
  const text = readFileSync(path.join(labelled, file), 'utf8');
  // Each line gets its own copy of the schema object, as a dataset read from disk would: the cache
  // has to find it by content, not by identity.
  return text.trim().split('\n').map((line) => toValidationInput(AnswerLineSchema.parse(JSON.parse(line))));
}

async function measure(validator, inputs) {
  // Warm-up: JIT, lazy parser loads and the schema cache, as in any real run after the first answers.
  for (const input of inputs) await validator.validate(input);
  let count = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  while (performance.now() < deadline) {
    for (const input of inputs) await validator.validate(input);
    count += inputs.length;
  }
  return (count / (performance.now() - started)) * 1000;
}

let failed = false;
for (const set of SETS) {
  let inputs;
  try {
    inputs = loadInputs(set.file);
  } catch {
    console.log(`${set.validator.padEnd(12)} skipped (no ${set.file})`);
    continue;
  }
  const [validator] = await createValidators([set.validator], { baseDir: root });
  const rate = await measure(validator, inputs);
  const verdict = set.target === undefined ? '' : rate >= set.target ? `  ok (target ≥ ${set.target}/s)` : `  BELOW target ${set.target}/s`;
  if (set.target !== undefined && rate < set.target) failed = true;
  console.log(`${set.validator.padEnd(12)} ${Math.round(rate).toLocaleString('en-US').padStart(8)} answers/s over ${inputs.length} labelled answers${verdict}`);
}
process.exitCode = failed ? 1 : 0;
