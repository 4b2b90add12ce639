/** `chainproof report <run-dir>`: render a run record in one format, to stdout or a file. */
import path from 'node:path';
import { UserInputError } from '../../core/errors.js';
import { readRunAttempts, readRunRecord } from '../../record/read-run.js';
import { isReportFormat, REPORT_FORMATS, REPORTERS } from '../../reporters/index.js';
import { writeFileAtomic } from '../../record/write-run.js';
import { readStringFlag, type CliIO, type Command, type ParsedArgs } from '../command.js';

export const reportCommand: Command = {
  name: 'report',
  summary: 'Render a run as a table, markdown, HTML, JSON or JUnit XML',
  usage: 'chainproof report <run-dir> [--format table|md|html|json|junit] [--out FILE]',
  flags: {
    format: { type: 'string', default: 'table', value: REPORT_FORMATS.join('|'), description: 'Output format' },
    out: { type: 'string', value: 'FILE', description: 'Write to FILE (atomically) instead of stdout' },
    color: { type: 'boolean', default: false, description: 'Colour the table even when stdout is not a terminal' },
  },
  async run(args: ParsedArgs, io: CliIO): Promise<number> {
    const runDir = readRunDir(args, io, 'report');
    const format = readStringFlag(args.values, 'format') ?? 'table';
    if (!isReportFormat(format)) throw new UserInputError(`unknown report format "${format}"`, { hint: `Use one of: ${REPORT_FORMATS.join(', ')}.` });
    const out = readStringFlag(args.values, 'out');
    const record = await readRunRecord(runDir);
    const color = args.values.color === true || (!out && io.stdout.isTTY === true && !io.env.NO_COLOR);
    const text = await REPORTERS[format](record, readRunAttempts(runDir), { color });
    if (out) {
      await writeFileAtomic(path.resolve(io.cwd, out), text);
      io.stderr.write(`wrote ${out}\n`);
    } else {
      io.stdout.write(text);
    }
    return 0;
  },
};

export function readRunDir(args: ParsedArgs, io: CliIO, command: string): string {
  const [runDir, ...extra] = args.positionals;
  if (!runDir) throw new UserInputError('missing <run-dir>', { hint: `Usage: chainproof ${command} <run-dir> (a directory under reports/ that a run wrote).` });
  if (extra.length > 0) throw new UserInputError(`unexpected argument "${extra[0]}"`, { hint: `chainproof ${command} takes one run directory.` });
  return path.resolve(io.cwd, runDir);
}
