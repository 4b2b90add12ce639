/** Builds the suite's `validators:` list into validators, failing early on unknown names and bad options. */
import { UserInputError } from '../core/errors.js';
import { VALIDATOR_FACTORIES } from './registry.js';
import { suggestClosest } from '../config/did-you-mean.js';
import type { Validator, ValidatorContext, ValidatorFactory } from './types.js';

export type ValidatorRef = string | Record<string, Record<string, unknown> | null>;

export async function createValidators(
  refs: ValidatorRef[],
  context: ValidatorContext,
  factories: Record<string, ValidatorFactory> = VALIDATOR_FACTORIES,
): Promise<Validator[]> {
  const validators: Validator[] = [];
  for (const [index, ref] of refs.entries()) {
    const [name, options] = splitRef(ref, index);
    validators.push(await createValidator(name, options, context, factories));
  }
  return validators;
}

export async function createValidator(
  name: string,
  options: Record<string, unknown>,
  context: ValidatorContext,
  factories: Record<string, ValidatorFactory> = VALIDATOR_FACTORIES,
): Promise<Validator> {
  const factory = Object.hasOwn(factories, name) ? factories[name] : undefined;
  if (!factory) {
    const known = Object.keys(factories);
    const guess = suggestClosest(name, known);
    throw new UserInputError(`unknown validator "${name}"`, {
      hint: `${guess ? `Did you mean "${guess}"? ` : ''}Known validators: ${known.join(', ')}.`,
    });
  }
  return factory(options, context);
}

function splitRef(ref: ValidatorRef, index: number): [string, Record<string, unknown>] {
  if (typeof ref === 'string') return [ref, {}];
  const entries = Object.entries(ref);
  if (entries.length !== 1) {
    throw new UserInputError(`validators[${index}]: a validator with options is one key: {name: {option: value}}`);
  }
  const [name, options] = entries[0]!;
  return [name, options ?? {}];
}
