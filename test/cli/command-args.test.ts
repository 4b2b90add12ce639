import { describe, expect, it } from 'vitest';
import { parseCommandArgs, type Command } from '../../src/cli/command.js';
import { UserInputError } from '../../src/core/errors.js';

const command: Command = {
  name: 'run',
  summary: 'test',
  usage: 'chainproof run <suite>',
  flags: { seed: { type: 'string', description: 'seed' }, limit: { type: 'string', description: 'limit' }, json: { type: 'boolean', description: 'json' } },
  run: async () => 0,
};

function parseError(argv: string[]): UserInputError {
  try {
    parseCommandArgs(command, argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    return error as UserInputError;
  }
  throw new Error('expected a UserInputError');
}

describe('parseCommandArgs errors', () => {
  it('names an unknown flag and the closest known one', () => {
    const error = parseError(['s.yaml', '--lmit', '3']);
    expect(error.message).toBe('unknown flag --lmit');
    expect(error.hint).toContain('Did you mean --limit?');
  });
  it('says a flag needs a value instead of "argument is ambiguous"', () => {
    const error = parseError(['s.yaml', '--limit', '-1']);
    expect(error.message).toBe('--limit needs a value, and the next argument starts with "-"');
    expect(error.hint).toContain('--limit=-1');
    expect(parseError(['s.yaml', '--seed']).message).toBe('--seed needs a value');
  });
});
