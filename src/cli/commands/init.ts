/** `chainproof init [DIR]`: a starter suite, dataset and GitHub Actions workflow. Never overwrites. */
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserInputError } from '../../core/errors.js';
import { readNumberFlag, type CliIO, type Command, type ParsedArgs } from '../command.js';
import { renderSimulatedSuite, renderStarterDataset, renderStarterSuite, renderWorkflow } from './init-templates.js';

export const initCommand: Command = {
  name: 'init',
  summary: 'Write a starter suite, dataset and CI workflow',
  usage: 'chainproof init [DIR] [--shards N] [--force]',
  flags: {
    shards: { type: 'string', default: '4', value: 'N', description: 'Parallel shards in the CI workflow matrix' },
    force: { type: 'boolean', default: false, description: 'Overwrite files that already exist' },
  },
  async run(args: ParsedArgs, io: CliIO): Promise<number> {
    const dir = path.resolve(io.cwd, args.positionals[0] ?? '.');
    const shards = readNumberFlag(args.values, 'shards') ?? 4;
    if (!Number.isInteger(shards) || shards < 1 || shards > 64) throw new UserInputError(`--shards must be a whole number from 1 to 64, got ${shards}`);
    const suite = 'suites/starter.suite.yaml';
    const files: Array<[string, string]> = [
      [suite, renderStarterSuite()],
      ['suites/starter-simulated.suite.yaml', renderSimulatedSuite()],
      ['datasets/starter.jsonl', renderStarterDataset()],
      ['.github/workflows/chainproof.yml', renderWorkflow({ suite, shards, version: await readVersion() })],
    ];
    if (args.values.force !== true) {
      const existing = [];
      for (const [file] of files) if (await exists(path.join(dir, file))) existing.push(file);
      if (existing.length > 0) {
        throw new UserInputError(`${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''} in ${dir}`, { hint: 'Pass --force to overwrite, or init into another directory.' });
      }
    }
    for (const [file, content] of files) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), content, 'utf8');
      io.stdout.write(`wrote ${path.join(path.relative(io.cwd, dir) || '.', file)}\n`);
    }
    const into = path.relative(io.cwd, dir);
    const cd = into && into !== '.' ? `cd ${into}\n      ` : '';
    io.stdout.write(`\nNext: ${cd}chainproof run suites/starter-simulated.suite.yaml   (no keys needed)\n      chainproof run ${suite}   (needs OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY)\n`);
    return 0;
  },
};

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

async function readVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
