import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parseCommandArgs, type Command } from '../../src/cli/command.js';
import { exportCommand } from '../../src/cli/commands/export.js';
import { createGateCommand, gateCommand } from '../../src/cli/commands/gate.js';
import { collectAttempts } from '../../src/record/read-run.js';
import type { RunRecordFile } from '../../src/record/types.js';
import { iterateAttempts } from '../../src/reporters/types.js';
import type { GateInput } from '../../src/scoring/index.js';
import { reportCommand } from '../../src/cli/commands/report.js';
import { runCli } from '../../src/cli/main.js';
import { UserInputError } from '../../src/core/errors.js';
import { captureIO, FIXTURE_RUNS, REAL_RUN } from '../helpers/run-fixtures.js';

async function run(command: Command, argv: string[], env: NodeJS.ProcessEnv = {}) {
  const io = captureIO(FIXTURE_RUNS, env);
  const code = await command.run(parseCommandArgs(command, argv), io);
  return { code, out: io.out(), err: io.err() };
}

describe('chainproof report', () => {
  it('prints the table by default, without colour off a TTY', async () => {
    const { code, out } = await run(reportCommand, ['demo']);
    expect(code).toBe(0);
    expect(out).toContain('SIMULATED RUN');
    expect(out).not.toContain('\u001b[');
  });

  it('writes a format to --out atomically', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'chainproof-report-'));
    const { code, err } = await run(reportCommand, ['real', '--format', 'junit', '--out', path.join(dir, 'junit.xml')]);
    expect(code).toBe(0);
    expect(err).toMatch(/wrote .*junit\.xml/);
    expect(XMLValidator.validate(await readFile(path.join(dir, 'junit.xml'), 'utf8'))).toBe(true);
  });

  it('exits 2 with a clear message on an unknown format or a missing run', async () => {
    const io = captureIO(FIXTURE_RUNS);
    expect(await runCli(['report', 'demo', '--format', 'pdf'], io)).toBe(2);
    expect(io.err()).toMatch(/unknown report format "pdf"[\s\S]*table, md, html, json, junit/);
    expect(await runCli(['report', 'nowhere'], io)).toBe(2);
    expect(io.err()).toMatch(/no run.json in/);
  });
});

describe('chainproof export', () => {
  it('prints the gateway config and its warnings on stderr', async () => {
    const { code, out, err } = await run(exportCommand, ['real', '--format', 'portkey']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ strategy: { mode: 'fallback' } });
    expect(err).not.toContain('SIMULATED');
  });

  it('warns that a simulated chain was measured on the simulator', async () => {
    const { err } = await run(exportCommand, ['demo', '--format', 'litellm']);
    expect(err).toMatch(/SIMULATED/);
  });

  it('refuses to print a key that leaked into the chain', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'chainproof-leak-'));
    await cp(REAL_RUN, dir, { recursive: true });
    const file = path.join(dir, 'run.json');
    const record = JSON.parse(await readFile(file, 'utf8')) as { candidates: Array<{ params?: Record<string, unknown> }> };
    record.candidates[0]!.params = { max_tokens: 1024, stop: 'sk-live-abcdef123456' };
    await writeFile(file, JSON.stringify(record));
    await expect(run(exportCommand, [dir, '--format', 'portkey'], { OPENAI_API_KEY: 'sk-live-abcdef123456' })).rejects.toThrow(/contains the value of OPENAI_API_KEY/);
  });

  it('needs --format', async () => {
    await expect(run(exportCommand, ['real'])).rejects.toThrow(UserInputError);
  });
});

describe('chainproof gate', () => {
  const passing = { pass: true, rules: [{ name: 'non-inferiority', pass: true, detail: 'L = −1.1 pts > −3 pts' }, { name: 'safety', pass: true, detail: '0 new failures' }] };
  const count = async (source: GateInput['attempts']) => (await collectAttempts(iterateAttempts(source))).length;

  it('prints one line per rule and exits 0 when every rule held', async () => {
    const seen: GateInput[] = [];
    const gate = createGateCommand((input) => {
      seen.push(input);
      return passing;
    });
    const { code, out } = await run(gate, ['real', '--margin', '0.05']);
    expect(code).toBe(0);
    expect(out.split('\n')).toEqual(['PASS  non-inferiority  L = −1.1 pts > −3 pts', 'PASS  safety           0 new failures', 'gate passed (2 rules)', '']);
    expect(await count(seen[0]!.attempts)).toBe(300);
    expect(seen[0]!.margin).toBe(0.05);
    expect(seen[0]!.baseline).toBeUndefined();
  });

  it('exits 1 when a rule fails', async () => {
    const gate = createGateCommand(() => ({ pass: false, rules: [...passing.rules, { name: 'latency', pass: false, detail: 'p95 ratio upper bound 1.31 > 1.20' }] }));
    const { code, out } = await run(gate, ['real']);
    expect(code).toBe(1);
    expect(out).toContain('FAIL  latency');
    expect(out).toContain('gate FAILED (1 of 3 rules failed)');
  });

  it('does not pass a gate that checked nothing', async () => {
    const { code } = await run(createGateCommand(() => ({ pass: true, rules: [] })), ['real']);
    expect(code).toBe(1);
  });

  it('hands the baseline run to the statistics', async () => {
    const seen: GateInput[] = [];
    const gate = createGateCommand((input) => {
      seen.push(input);
      return passing;
    });
    expect((await run(gate, ['real', '--baseline', 'real'])).code).toBe(0);
    expect(await count(seen[0]!.baseline!.attempts)).toBe(300);
  });

  it('refuses a shard before computing anything (exit 2)', async () => {
    const dir = await editedRun((record) => (record.shard = { index: 1, count: 4 }));
    let calls = 0;
    const { code, out } = await run(createGateCommand(() => (calls++, passing)), [dir]);
    expect(code).toBe(2);
    expect(out).toMatch(/FAIL  merged-run  refused: run .* is shard 1\/4/);
    expect(calls).toBe(0);
  });

  it('rejects a margin outside 0..1', async () => {
    await expect(run(createGateCommand(() => passing), ['real', '--margin', '3'])).rejects.toThrow(/--margin must be between 0 and 1/);
  });

  describe('with the real statistics (scoring/evaluateGate)', () => {
    it('refuses a simulated run unless --allow-simulated (exit 2), then runs the statistics', async () => {
      const refused = await run(gateCommand, ['demo']);
      expect(refused.code).toBe(2);
      expect(refused.out).toMatch(/FAIL  not-simulated\s+refused: the run is simulated/);
      expect(refused.err).toContain('gate refused: the run is simulated');
      const allowed = await run(gateCommand, ['demo', '--allow-simulated']);
      expect([0, 1]).toContain(allowed.code);
      expect(allowed.out).toMatch(/^(PASS|FAIL)  chain-non-inferiority /m);
      expect(allowed.out).toMatch(/^PASS  not-simulated\s+simulated run, allowed/m);
      expect(allowed.out).toMatch(/^gate (passed|FAILED)/m);
    });

    it('refuses runs of different datasets (exit 2)', async () => {
      const dir = await editedRun((record) => (record.cases_digest = 'sha256:other'));
      const { code, out } = await run(gateCommand, ['real', '--baseline', dir]);
      expect(code).toBe(2);
      expect(out).toMatch(/FAIL  same-dataset\s+refused: the runs replayed different cases/);
    });

    it('refuses an incomplete run (exit 2)', async () => {
      const dir = await editedRun((record) => {
        record.complete = false;
        record.stopped_reason = 'budget';
      });
      const { code, out } = await run(gateCommand, [dir]);
      expect(code).toBe(2);
      expect(out).toMatch(/FAIL  complete-run\s+refused: run .* did not complete \(budget\)/);
    });
  });
});

async function editedRun(edit: (record: RunRecordFile) => void): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'chainproof-edited-'));
  await cp(REAL_RUN, dir, { recursive: true });
  const file = path.join(dir, 'run.json');
  const record = JSON.parse(await readFile(file, 'utf8')) as RunRecordFile;
  edit(record);
  await writeFile(file, JSON.stringify(record));
  return dir;
}
