/** `chainproof run <suite>`: replay, score, qualify, rank; write the run directory. */
import { UserInputError } from '../../core/errors.js';
import { runSuite } from '../../pipeline/run-suite.js';
import { REPORTERS } from '../../reporters/index.js';
import { readRunAttempts } from '../../record/read-run.js';
import { createProgressReporter, parseShardSpec, type RunProgress } from '../../runner/index.js';
import { collectGarbage } from '../collect-garbage.js';
import { readNumberFlag, readStringFlag, type Command } from '../command.js';

export const runCommand: Command = {
  name: 'run',
  summary: 'Replay a suite against every candidate, score, qualify and rank',
  usage: 'chainproof run <suite> [flags]',
  flags: {
    out: { type: 'string', value: 'DIR', description: 'parent directory of the run directory', default: 'reports' },
    concurrency: { type: 'string', value: 'N', description: 'requests in flight at once (default: the suite\'s run.concurrency)' },
    repeat: { type: 'string', value: 'N', description: 'answers per case and candidate (default: run.repeat)' },
    limit: { type: 'string', value: 'N', description: 'only the first N cases' },
    seed: { type: 'string', value: 'S', description: 'seed for sampling and the simulator (default: run.seed)' },
    shard: { type: 'string', value: 'I/N', description: 'run shard I of N (1-based), for a CI matrix; combine with `chainproof merge`' },
    resume: { type: 'string', value: 'RUN_DIR', description: 'continue an interrupted run: only missing attempts are run' },
    'budget-usd': { type: 'string', value: 'X', description: 'refuse to start, or stop, before spending more (default: run.budget_usd)' },
    'ignore-estimate': { type: 'boolean', description: 'start even if the pre-run estimate exceeds the budget', default: false },
    'no-cache': { type: 'boolean', description: 'do not reuse cached answers', default: false },
    'skip-invalid': { type: 'boolean', description: 'count and skip bad dataset lines instead of stopping', default: false },
    json: { type: 'boolean', description: 'print one JSON summary object on stdout', default: false },
    quiet: { type: 'boolean', description: 'no progress output', default: false },
  },
  async run(args, io) {
    const suitePath = args.positionals[0];
    if (!suitePath) throw new UserInputError('which suite? `chainproof run <suite>`', { hint: 'e.g. chainproof run suites/demo.suite.yaml' });
    if (args.positionals.length > 1) throw new UserInputError(`one suite per run, got ${args.positionals.length}: ${args.positionals.join(' ')}`);
    const shardText = readStringFlag(args.values, 'shard');
    let progress: { onProgress(progress: RunProgress): void; stop(): void } | undefined;
    const result = await runSuite({
      suitePath,
      cwd: io.cwd,
      env: io.env,
      outDir: readStringFlag(args.values, 'out'),
      resume: readStringFlag(args.values, 'resume'),
      concurrency: readNumberFlag(args.values, 'concurrency'),
      repeat: readNumberFlag(args.values, 'repeat'),
      limit: readNumberFlag(args.values, 'limit'),
      seed: readNumberFlag(args.values, 'seed'),
      budgetUsd: readNumberFlag(args.values, 'budget-usd'),
      ...(shardText ? { shard: parseShardSpec(shardText) } : {}),
      noCache: args.values['no-cache'] === true,
      skipInvalid: args.values['skip-invalid'] === true,
      ignoreBudgetEstimate: args.values['ignore-estimate'] === true,
      ...(io.signal ? { signal: io.signal } : {}),
      onStart: ({ runDir, prepared, totalAttempts, skipped }) => {
        if (args.values.quiet || args.values.json) return;
        const simulated = prepared.simulated ? ' [SIMULATED: no real provider is called]' : '';
        io.stderr.write(`chainproof: ${prepared.suite.name}: ${prepared.cases.count} cases × ${prepared.suite.candidates.length} candidates × ${prepared.suite.run.repeat} = ${totalAttempts} attempts${skipped ? ` (${skipped} already done)` : ''}${simulated}\n`);
        io.stderr.write(`chainproof: run directory ${runDir}\n`);
        progress = createProgressReporter({ stream: io.stderr, simulated: prepared.simulated });
      },
      onProgress: (state) => progress?.onProgress(state),
      onPhaseEnd: collectGarbage,
    });
    progress?.stop();
    if (args.values.json) {
      const summary = JSON.parse(await REPORTERS.json(result.record, readRunAttempts(result.runDir))) as Record<string, unknown>;
      io.stdout.write(JSON.stringify({ run_dir: result.runDir, exit_code: result.exitCode, ...summary }) + '\n');
    } else {
      io.stdout.write(await REPORTERS.table(result.record, readRunAttempts(result.runDir), { color: Boolean(io.stdout.isTTY) }));
      io.stdout.write(`\nrun record: ${result.runDir}/ (run.json, attempts.jsonl, report.md, report.html, junit.xml)\n`);
      if (result.outcome.stoppedReason === 'interrupted') io.stdout.write(`interrupted: resume with \`chainproof run ${suitePath} --resume ${result.runDir}\`\n`);
      if (result.outcome.stoppedReason === 'budget') io.stdout.write(`stopped by the budget after spending $${result.outcome.spentUsd.toFixed(4)}\n`);
    }
    return result.exitCode;
  },
};
