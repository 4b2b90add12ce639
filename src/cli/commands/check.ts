/**
 * `chainproof check <suite>`: validate a suite and every dataset line, estimate the cost, and show
 * what each candidate's request builder will change (capability gaps first); spend nothing.
 */
import { UserInputError } from '../../core/errors.js';
import { prepareRun } from '../../pipeline/prepare-run.js';
import { previewRequests, type CandidatePreview } from '../../pipeline/preview-requests.js';
import { readNumberFlag, type Command } from '../command.js';

export const checkCommand: Command = {
  name: 'check',
  summary: 'Validate a suite and its datasets, estimate the cost and preview each candidate\'s requests, calling nothing',
  usage: 'chainproof check <suite> [flags]',
  flags: {
    limit: { type: 'string', value: 'N', description: 'estimate for the first N cases only' },
    repeat: { type: 'string', value: 'N', description: 'answers per case and candidate (default: run.repeat)' },
    'require-keys': { type: 'boolean', description: 'fail (exit 2) when an API key variable is not set', default: false },
    'skip-invalid': { type: 'boolean', description: 'count bad dataset lines instead of stopping at the first', default: false },
    json: { type: 'boolean', description: 'print the result as one JSON object', default: false },
  },
  async run(args, io) {
    const suitePath = args.positionals[0];
    if (!suitePath) throw new UserInputError('which suite? `chainproof check <suite>`');
    const prepared = await prepareRun(suitePath, io.cwd, io.env, {
      limit: readNumberFlag(args.values, 'limit'),
      repeat: readNumberFlag(args.values, 'repeat'),
      skipInvalid: args.values['skip-invalid'] === true,
      allowMissingKeys: args.values['require-keys'] !== true,
      ignoreBudgetEstimate: true,
      estimateCost: true,
    });
    const { suite, cases } = prepared;
    const estimate = prepared.estimate!;
    const previews = await previewRequests(cases.open(), suite.candidates, suite.run.stream);
    const budget = suite.run.budget_usd;
    const overBudget = budget !== undefined && estimate.expectedUsd > budget;
    if (args.values.json) {
      io.stdout.write(
        JSON.stringify({
          suite: suite.name,
          cases: cases.count,
          datasets: cases.datasets,
          invalid_lines: cases.invalid,
          candidates: suite.candidates.length,
          calls: estimate.calls,
          estimate_usd: { expected: estimate.expectedUsd, worst_case: estimate.worstCaseUsd, by_candidate: estimate.byCandidate },
          unpriced: estimate.unpriced,
          budget_usd: budget ?? null,
          over_budget: overBudget,
          missing_keys: prepared.missingKeys,
          simulated: prepared.simulated,
          requests: previews,
        }) + '\n',
      );
      return overBudget ? 1 : 0;
    }
    const lines = [
      `✔ ${suite.name}: the suite is valid`,
      ...cases.datasets.map((dataset) => `  ${dataset.path}: ${dataset.cases} cases, ${dataset.selected} selected`),
      ...(cases.invalid.length > 0 ? [`  ${cases.invalid.length} invalid lines skipped (first: ${cases.invalid[0]!.file}:${cases.invalid[0]!.line}: ${cases.invalid[0]!.message})`] : []),
      `  ${suite.candidates.length} candidates × ${cases.count} cases × ${suite.run.repeat} repeats = ${estimate.calls} calls${prepared.simulated ? ' (simulated candidates cost nothing real)' : ''}`,
      '',
      'Estimated cost:',
      ...Object.entries(estimate.byCandidate).map(
        ([id, entry]) => `  ${id.padEnd(20)} ${String(entry.calls).padStart(7)} calls  ~$${entry.expectedUsd.toFixed(4)}  (at most $${entry.worstCaseUsd.toFixed(4)})`,
      ),
      `  ${'total'.padEnd(20)} ${String(estimate.calls).padStart(7)} calls  ~$${estimate.expectedUsd.toFixed(4)}  (at most $${estimate.worstCaseUsd.toFixed(4)})`,
      ...(estimate.unpriced.length > 0 ? [`  no price for: ${estimate.unpriced.join(', ')} (set price: in the suite)`] : []),
      ...(budget !== undefined ? [`  budget: $${budget.toFixed(2)}${overBudget ? ' — the estimate is OVER the budget: `run` will refuse to start' : ''}`] : []),
      ...prepared.missingKeys.map((entry) => `! candidate "${entry.candidateId}" needs ${entry.variable}, which is not set`),
      ...describePreviews(previews),
    ];
    io.stdout.write(lines.join('\n') + '\n');
    return overBudget ? 1 : 0;
  },
};

const GAP_NAMES: Record<string, string> = { response_format: 'response_format', tools: 'tools', content: 'part of the prompt' };

/** What the request builders changed, per candidate; capability gaps first, marked. */
function describePreviews(previews: CandidatePreview[]): string[] {
  const lines: string[] = [];
  for (const preview of previews) {
    for (const [gap, count] of Object.entries(preview.gaps)) {
      const example = preview.gap_examples[gap as keyof typeof preview.gap_examples];
      lines.push(`  ✘ ${preview.candidate_id}: cannot be sent ${GAP_NAMES[gap] ?? gap} as asked on ${count} of ${preview.cases} cases${example ? ` (${example})` : ''}: \`run\` disqualifies it`);
    }
    const rewritten = Object.entries(preview.rewritten).filter(([param]) => !(param in preview.gaps) && !(param === 'messages' && 'content' in preview.gaps));
    if (rewritten.length > 0) lines.push(`  ${preview.candidate_id}: ${rewritten.map(([param, count]) => `${param} rewritten on ${count}`).join(', ')} of ${preview.cases} cases (warnings in the report)`);
  }
  return lines.length > 0 ? ['', 'What each candidate will be sent (its request builder, no call made):', ...lines] : [];
}
