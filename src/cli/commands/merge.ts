/** `chainproof merge <run-dir>... --out RUN_DIR`: shard runs into one run directory. */
import path from 'node:path';
import { UserInputError } from '../../core/errors.js';
import { readAttempts } from '../../record/attempt-log.js';
import { mergeRuns, type RecomputeSummary } from '../../record/merge.js';
import { summarizeRun } from '../../scoring/summarize-run.js';
import { readStringFlag, type Command } from '../command.js';

/** Scores the merged attempts, so the merged run.json is a full record like an unsharded run's. */
export const summarizeMergedRun: RecomputeSummary = (manifest, attemptsFile) => summarizeRun(manifest, readAttempts(attemptsFile));

/** `recomputeSummary` is a parameter so tests can see what merge hands to scoring. */
export function createMergeCommand(options: { recomputeSummary?: RecomputeSummary } = {}): Command {
  return {
    name: 'merge',
    summary: 'Merge shard runs (--shard I/N) into one run directory',
    usage: 'chainproof merge <run-dir>... --out RUN_DIR',
    flags: {
      out: { type: 'string', value: 'RUN_DIR', description: 'Directory for the merged run (created)' },
      json: { type: 'boolean', description: 'Print one JSON summary object on stdout' },
    },
    async run(args, io) {
      const out = readStringFlag(args.values, 'out');
      if (!out) throw new UserInputError('merge needs --out RUN_DIR', { hint: 'For example: chainproof merge reports/shard-1 reports/shard-2 --out reports/merged' });
      if (args.positionals.length === 0) throw new UserInputError('merge needs the run directories to merge');
      const outDir = path.resolve(io.cwd, out);
      const runDirs = args.positionals.map((dir) => path.resolve(io.cwd, dir));
      if (runDirs.includes(outDir)) throw new UserInputError('--out must be a new directory, not one of the runs being merged');
      const result = await mergeRuns({ runDirs, outDir, ...(options.recomputeSummary ? { recomputeSummary: options.recomputeSummary } : {}) });
      const report = {
        out: outDir,
        runs: runDirs.length,
        attempts: result.attempts,
        duplicates: result.duplicates,
        torn_lines: result.tornLines,
        complete: result.manifest.complete,
        missing_shards: result.missingShards,
        summarized: result.summarized,
      };
      if (args.values['json'] === true) io.stdout.write(`${JSON.stringify(report)}\n`);
      else {
        io.stdout.write(`merged ${runDirs.length} runs into ${outDir}: ${result.attempts} attempts`);
        io.stdout.write(result.duplicates > 0 ? ` (${result.duplicates} duplicates dropped)\n` : '\n');
        if (result.missingShards.length > 0) io.stderr.write(`warning: shards ${result.missingShards.join(', ')} are missing; the merged run is incomplete\n`);
      }
      // An incomplete merge cannot back a gate: exit 3 (resumable: rerun the missing shards).
      return result.manifest.complete ? 0 : 3;
    },
  };
}

export const mergeCommand = createMergeCommand({ recomputeSummary: summarizeMergedRun });
