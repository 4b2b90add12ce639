/**
 * argv → command. Prints, sets the exit code; user errors exit 2 with a message that says what,
 * where and what to do; anything else is a crash with a stack trace.
 */
import { isUserInputError } from '../core/errors.js';
import { formatCommandHelp, parseCommandArgs, type CliIO, type Command } from './command.js';
import { COMMANDS } from './commands/index.js';

export function formatMainHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length)) + 2;
  const lines = [
    'chainproof — qualify LLM fallback chains on your own traffic before they reach production',
    '',
    'Usage: chainproof <command> [flags]    (chainproof <command> --help for its flags)',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}${command.summary}`),
  ];
  return lines.join('\n') + '\n';
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(formatMainHelp());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${await readVersion()}\n`);
    return 0;
  }
  const command: Command | undefined = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr.write(`error: unknown command "${name}"\n\n${formatMainHelp()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(formatCommandHelp(command));
    return 0;
  }
  try {
    return await command.run(parseCommandArgs(command, rest), io);
  } catch (error) {
    if (isUserInputError(error)) {
      io.stderr.write(`error: ${error.format()}\n`);
      return error.exitCode;
    }
    // The reader went away (`chainproof score … | head`): stop quietly, as SIGPIPE would, not with
    // a stack trace; 141 rather than 0 so a pipeline never mistakes it for a passed gate.
    if (isBrokenPipe(error)) return BROKEN_PIPE_EXIT_CODE;
    throw error;
  }
}

export const BROKEN_PIPE_EXIT_CODE = 141;

export function isBrokenPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';
}

async function readVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
