import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../src/cli/command.js';
import { initCommand } from '../../src/cli/commands/init.js';
import { SuiteSchema } from '../../src/config/suite-schema.js';
import { captureIO } from '../helpers/run-fixtures.js';

async function init(argv: string[]) {
  const cwd = await mkdtemp(path.join(os.tmpdir(), 'chainproof-init-'));
  const io = captureIO(cwd);
  const code = await initCommand.run(parseCommandArgs(initCommand, argv), io);
  return { cwd, code, out: io.out() };
}

describe('chainproof init', () => {
  it('writes suites that the suite schema accepts and a dataset they point at', async () => {
    const { cwd, code, out } = await init(['project']);
    expect(out).toContain('Next: cd project\n');
    expect(code).toBe(0);
    expect(out).toContain('wrote project/suites/starter.suite.yaml');
    for (const suite of ['starter.suite.yaml', 'starter-simulated.suite.yaml']) {
      const parsed = SuiteSchema.safeParse(parse(await readFile(path.join(cwd, 'project', 'suites', suite), 'utf8')));
      expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
      expect(parsed.data!.datasets[0]!.path).toBe('../datasets/starter.jsonl');
    }
    const lines = (await readFile(path.join(cwd, 'project', 'datasets', 'starter.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(10);
    const ids = new Set<string>();
    for (const line of lines) {
      const entry = JSON.parse(line) as { id: string; request: { messages: unknown[]; response_format: { type: string } }; tags: string[] };
      expect(entry.request.messages.length).toBeGreaterThan(0);
      expect(entry.request.response_format.type).toBe('json_schema');
      ids.add(entry.id);
    }
    expect(ids.size).toBe(lines.length);
  });

  it('writes a workflow that shards the run, merges, posts the summary and the PR comment, and gates', async () => {
    const { cwd } = await init(['.', '--shards', '3']);
    const text = await readFile(path.join(cwd, '.github', 'workflows', 'chainproof.yml'), 'utf8');
    const workflow = parse(text) as { on: Record<string, unknown>; jobs: Record<string, { needs?: string; strategy?: { matrix: { shard: number[] } }; steps: Array<{ run?: string; uses?: string }> }> };
    expect(Object.keys(workflow.on)).toContain('pull_request');
    expect(workflow.jobs.run!.strategy!.matrix.shard).toEqual([1, 2, 3]);
    const runSteps = workflow.jobs.run!.steps.map((step) => step.run ?? '').join('\n');
    expect(runSteps).toContain('chainproof run suites/starter.suite.yaml --shard ${{ matrix.shard }}/3');
    expect(workflow.jobs.gate!.needs).toBe('run');
    const gateSteps = workflow.jobs.gate!.steps.map((step) => step.run ?? '').join('\n');
    expect(gateSteps).toContain('chainproof merge shards/chainproof-shard-*/*/ --out reports/merged');
    expect(gateSteps).toContain('--format md --out report.md');
    expect(gateSteps).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(gateSteps).toContain('gh pr comment');
    expect(workflow.jobs.gate!.steps.at(-1)!.run).toBe('chainproof gate reports/merged');
    expect(text).not.toMatch(/sk-[A-Za-z0-9]/);
  });

  it('never overwrites without --force', async () => {
    const { cwd } = await init(['.']);
    const io = captureIO(cwd);
    await expect(initCommand.run(parseCommandArgs(initCommand, ['.']), io)).rejects.toThrow(/already exist[\s\S]*/);
    expect(await initCommand.run(parseCommandArgs(initCommand, ['.', '--force']), io)).toBe(0);
  });
});
