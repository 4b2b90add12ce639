/**
 * `chainproof gate <run-dir> [--baseline RUN_DIR]`: the CI gate. The statistics live in
 * scoring/ (`evaluateGate`); this command reads the runs, refuses what cannot be compared, prints
 * one line per rule and exits 0 when every rule held, 1 when one failed (DESIGN.md §6).
 */
import { UserInputError } from '../../core/errors.js';
import type { Attempt } from '../../core/types.js';
import { collectAttempts, readRunAttempts, readRunRecord } from '../../record/read-run.js';
import type { RunRecordFile } from '../../record/types.js';
import type { GateOutcome, GateRuleOutcome } from '../../reporters/types.js';
import { readNumberFlag, readStringFlag, type CliIO, type Command, type ParsedArgs } from '../command.js';
import { readRunDir } from './report.js';
import path from 'node:path';

export interface GateInput {
  manifest: RunRecordFile;
  attempts: Attempt[];
  baseline?: { manifest: RunRecordFile; attempts: Attempt[] };
  margin?: number;
  allowSimulated?: boolean;
}

export type EvaluateGate = (input: GateInput) => GateOutcome | Promise<GateOutcome>;

/** Until scoring/ is merged the gate has no statistics to run: say so instead of passing. */
const evaluateGateUnavailable: EvaluateGate = () => {
  throw new Error('evaluateGate is not wired in this build: merge the scoring branch (src/scoring/gate) into this one');
};

export function createGateCommand(evaluate: EvaluateGate = evaluateGateUnavailable): Command {
  return {
    name: 'gate',
    summary: 'Gate CI on a run: the proposed chain against the baseline, one line per rule',
    usage: 'chainproof gate <run-dir> [--baseline RUN_DIR] [--margin M] [--allow-simulated]',
    flags: {
      baseline: { type: 'string', value: 'RUN_DIR', description: 'Compare with the chain of an earlier run on the same cases (default: the baseline_chain of this run)' },
      margin: { type: 'string', value: 'M', description: "Non-inferiority margin in rate units (default: the suite's qualify.margin)" },
      'allow-simulated': { type: 'boolean', default: false, description: 'Let a simulated run pass (demos only)' },
    },
    async run(args: ParsedArgs, io: CliIO): Promise<number> {
      const runDir = readRunDir(args, io, 'gate');
      const margin = readNumberFlag(args.values, 'margin');
      if (margin !== undefined && (margin < 0 || margin >= 1)) throw new UserInputError(`--margin must be between 0 and 1 (0.03 = 3 points), got ${margin}`);
      const allowSimulated = args.values['allow-simulated'] === true;
      const record = await readRunRecord(runDir);
      const baselineFlag = readStringFlag(args.values, 'baseline');
      const baselineDir = baselineFlag ? path.resolve(io.cwd, baselineFlag) : undefined;
      const baselineRecord = baselineDir ? await readRunRecord(baselineDir) : undefined;
      if (baselineRecord && baselineRecord.cases_digest !== record.cases_digest) {
        throw new UserInputError(`the runs replayed different cases (cases digest ${record.cases_digest} vs ${baselineRecord.cases_digest}): a gate compares chains on the same frozen cases`, {
          location: { file: baselineDir! },
          hint: 'Run both chains from the same dataset and sample (same seed and n), or gate without --baseline.',
        });
      }

      const refusals = refuseUngateable(record, baselineRecord, allowSimulated);
      if (refusals.length > 0) return printOutcome(io, { pass: false, rules: refusals });
      const outcome = await evaluate({
        manifest: record,
        attempts: await collectAttempts(readRunAttempts(runDir)),
        ...(baselineRecord && baselineDir ? { baseline: { manifest: baselineRecord, attempts: await collectAttempts(readRunAttempts(baselineDir)) } } : {}),
        ...(margin !== undefined ? { margin } : {}),
        allowSimulated,
      });
      return printOutcome(io, outcome);
    },
  };
}

export const gateCommand = createGateCommand();

/** What no statistic can make passable: checked before any is computed. */
function refuseUngateable(record: RunRecordFile, baseline: RunRecordFile | undefined, allowSimulated: boolean): GateRuleOutcome[] {
  const rules: GateRuleOutcome[] = [];
  if (!allowSimulated && (record.simulated || baseline?.simulated)) {
    rules.push({ name: 'simulated', pass: false, detail: 'the run was made against the chainproof simulator; pass --allow-simulated to gate a demo' });
  }
  if (!record.complete) {
    rules.push({ name: 'complete', pass: false, detail: `the run did not finish${record.stopped_reason ? ` (${record.stopped_reason})` : ''}; resume it (chainproof run --resume) before gating` });
  }
  if (record.shard) {
    rules.push({ name: 'merged', pass: false, detail: `this is shard ${record.shard.index}/${record.shard.count}; merge the shards (chainproof merge) and gate the merged run` });
  }
  return rules;
}

function printOutcome(io: CliIO, outcome: GateOutcome): number {
  // A gate that checked nothing has not passed.
  const pass = outcome.pass && outcome.rules.length > 0 && outcome.rules.every((rule) => rule.pass);
  const width = Math.max(0, ...outcome.rules.map((rule) => rule.name.length));
  for (const rule of outcome.rules) io.stdout.write(`${rule.pass ? 'PASS' : 'FAIL'}  ${rule.name.padEnd(width)}  ${rule.detail}\n`);
  io.stdout.write(pass ? `gate passed (${outcome.rules.length} rules)\n` : `gate FAILED (${outcome.rules.filter((rule) => !rule.pass).length} of ${outcome.rules.length} rules failed)\n`);
  return pass ? 0 : 1;
}
