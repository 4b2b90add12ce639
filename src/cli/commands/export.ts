/** `chainproof export <run-dir> --format F`: the proposed chain in a gateway's format. */
import path from 'node:path';
import { assertNoSecretValues, exportChain } from '../../chain/export-chain.js';
import { EXPORT_FORMAT_NAMES } from '../../chain/exporters/index.js';
import { UserInputError } from '../../core/errors.js';
import { readRunRecord } from '../../record/read-run.js';
import { writeFileAtomic } from '../../record/write-run.js';
import { readStringFlag, type CliIO, type Command, type ParsedArgs } from '../command.js';
import { readRunDir } from './report.js';

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export the proposed chain for a gateway (native, LiteLLM, Portkey, OpenRouter)',
  usage: 'chainproof export <run-dir> --format native|litellm|portkey|openrouter [--out FILE]',
  flags: {
    format: { type: 'string', value: EXPORT_FORMAT_NAMES.join('|'), description: 'Gateway format (required)' },
    out: { type: 'string', value: 'FILE', description: 'Write to FILE (atomically) instead of stdout' },
    'simulator-url': { type: 'string', value: 'URL', description: 'Base URL of `chainproof sim` for simulated members that recorded none' },
  },
  async run(args: ParsedArgs, io: CliIO): Promise<number> {
    const runDir = readRunDir(args, io, 'export');
    const format = readStringFlag(args.values, 'format');
    if (!format) throw new UserInputError('missing --format', { hint: `Use one of: ${EXPORT_FORMAT_NAMES.join(', ')}.` });
    const record = await readRunRecord(runDir);
    const simulatorUrl = readStringFlag(args.values, 'simulator-url');
    const output = exportChain(record, format, simulatorUrl ? { simulatorUrl } : {});
    assertNoSecretValues(output.content, io.env);
    if (record.simulated) io.stderr.write('warning: this run is SIMULATED: the chain was measured against the chainproof simulator\n');
    for (const warning of output.warnings) io.stderr.write(`warning: ${warning}\n`);
    const out = readStringFlag(args.values, 'out');
    if (out) {
      await writeFileAtomic(path.resolve(io.cwd, out), output.content);
      io.stderr.write(`wrote ${out}\n`);
    } else {
      io.stdout.write(output.content);
    }
    return 0;
  },
};
