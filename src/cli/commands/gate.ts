/**
 * `chainproof gate <run-dir> [--baseline RUN_DIR]`: the CI gate. The statistics and the refusals
 * (simulated, different datasets, incomplete run) live in scoring/ (`evaluateGate`); this command
 * reads the runs, prints one line per rule and exits 0 when every rule held, 1 when one failed,
 * 2 when the gate refused to compare (DESIGN.md §6).
 */
import path from 'node:path';
import { UserInputError } from '../../core/errors.js';
import { readRunAttempts, readRunRecord } from '../../record/read-run.js';
import type { RunRecordFile } from '../../record/types.js';
import { evaluateGate, type GateInput, type GateResult, type GateRule } from '../../scoring/index.js';
import { readNumberFlag, readStringFlag, type CliIO, type Command, type ParsedArgs } from '../command.js';
import { readRunDir } from './report.js';

export type EvaluateGate = (input: GateInput) => GateResult | Promise<GateResult>;

export function createGateCommand(evaluate: EvaluateGate = evaluateGate): Command {
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
      const refusals = refuseShards(record, baselineRecord);
      if (refusals.length > 0) return printOutcome(io, { pass: false, rules: refusals, refused: refusals[0]!.detail });
      // Attempts are streamed from attempts.jsonl: the gate reads each run once.
      const outcome = await evaluate({
        manifest: record,
        attempts: readRunAttempts(runDir),
        ...(baselineRecord && baselineDir ? { baseline: { manifest: baselineRecord, attempts: readRunAttempts(baselineDir) } } : {}),
        ...(margin !== undefined ? { margin } : {}),
        allowSimulated,
      });
      return printOutcome(io, outcome);
    },
  };
}

export const gateCommand = createGateCommand();

/** A shard holds part of the cases: only the merged run can be gated. */
function refuseShards(record: RunRecordFile, baseline: RunRecordFile | undefined): GateRule[] {
  return [record, baseline]
    .filter((run): run is RunRecordFile => run?.shard !== undefined)
    .map((run) => ({ name: 'merged-run', pass: false, detail: `refused: run ${run.run_id} is shard ${run.shard!.index}/${run.shard!.count}; merge the shards (chainproof merge) and gate the merged run` }));
}

/** Exit 0 when every rule held, 1 when one failed, 2 when the gate refused to compare (bad input). */
function printOutcome(io: CliIO, outcome: GateResult): number {
  // A gate that checked nothing has not passed.
  const pass = outcome.pass && outcome.rules.length > 0 && outcome.rules.every((rule) => rule.pass);
  const width = Math.max(0, ...outcome.rules.map((rule) => rule.name.length));
  for (const rule of outcome.rules) io.stdout.write(`${rule.pass ? 'PASS' : 'FAIL'}  ${rule.name.padEnd(width)}  ${rule.detail}\n`);
  if (outcome.refused) {
    // Each refusing rule's detail starts with "refused:"; the summary line says it once.
    // On stderr too: CI logs that show only stderr must still say why the gate did not run.
    io.stderr.write(`gate refused: ${outcome.refused.replace(/(^|; )refused: /g, '$1')}\n`);
    return 2;
  }
  io.stdout.write(pass ? `gate passed (${outcome.rules.length} rules)\n` : `gate FAILED (${outcome.rules.filter((rule) => !rule.pass).length} of ${outcome.rules.length} rules failed)\n`);
  return pass ? 0 : 1;
}
