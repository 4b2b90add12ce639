/**
 * The shape of one CLI command. Each command lives in commands/<name>.ts, parses its own flags
 * with `parseCommandArgs`, and returns an exit code (DESIGN.md §6). No domain logic here.
 */
import { parseArgs } from 'node:util';
import { suggestClosest } from '../config/did-you-mean.js';
import { UserInputError } from '../core/errors.js';

export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Aborted on SIGINT/SIGTERM. */
  signal?: AbortSignal;
}

export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  default?: string | boolean;
  description: string;
  /** Placeholder shown in help: `N`, `FILE`… */
  value?: string;
}

export interface Command {
  name: string;
  summary: string;
  /** `chainproof run <suite> [flags]` */
  usage: string;
  flags: Record<string, FlagSpec>;
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
}

export function parseCommandArgs(command: Command, argv: string[]): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean; default?: string | boolean }> = {};
  for (const [name, spec] of Object.entries(command.flags)) {
    options[name] = { type: spec.type };
    if (spec.short) options[name]!.short = spec.short;
    if (spec.multiple) options[name]!.multiple = true;
    if (spec.default !== undefined) options[name]!.default = spec.default;
  }
  try {
    const parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { positionals: parsed.positionals, values: parsed.values as ParsedArgs['values'] };
  } catch (error) {
    throw describeParseError(command, (error as Error).message);
  }
}

/** node:util's parseArgs messages, said in our words: the flag, what is wrong, what to type. */
function describeParseError(command: Command, message: string): UserInputError {
  const help = `Run \`chainproof ${command.name} --help\` for the flags.`;
  const unknown = /^Unknown option '(-{1,2})([^']*)'/.exec(message);
  if (unknown) {
    const closest = suggestClosest(unknown[2]!, Object.keys(command.flags));
    return new UserInputError(`unknown flag ${unknown[1]}${unknown[2]}`, { hint: `${closest ? `Did you mean --${closest}? ` : ''}${help}` });
  }
  const ambiguous = /^Option '--([^' ]+)' argument is ambiguous/.exec(message);
  if (ambiguous) {
    const name = ambiguous[1]!;
    return new UserInputError(`--${name} needs a value, and the next argument starts with "-"`, {
      hint: `Give it a value (a value starting with a dash is written --${name}=-1). ${help}`,
    });
  }
  const missing = /^Option '--([^' ]+)[^']*' argument missing/.exec(message);
  if (missing) return new UserInputError(`--${missing[1]} needs a value`, { hint: help });
  return new UserInputError(message.split('\n')[0]!, { hint: help });
}

export function formatCommandHelp(command: Command): string {
  const lines = [`${command.summary}`, '', `Usage: ${command.usage}`, ''];
  const entries = Object.entries(command.flags);
  if (entries.length > 0) {
    lines.push('Flags:');
    const rendered = entries.map(([name, spec]) => {
      const left = `  ${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : ''}`;
      const fallback = spec.default !== undefined ? ` (default: ${String(spec.default)})` : '';
      return [left, `${spec.description}${fallback}`] as const;
    });
    const width = Math.max(...rendered.map(([left]) => left.length)) + 2;
    for (const [left, right] of rendered) lines.push(left.padEnd(width) + right);
  }
  return lines.join('\n') + '\n';
}

/** Reads a numeric flag, with a clear error when it is not a number. */
export function readNumberFlag(values: ParsedArgs['values'], name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined || raw === false) return undefined;
  const value = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(value)) {
    throw new UserInputError(`--${name} must be a number, got "${String(raw)}"`);
  }
  return value;
}

export function readStringFlag(values: ParsedArgs['values'], name: string): string | undefined {
  const raw = values[name];
  return typeof raw === 'string' ? raw : undefined;
}
