/**
 * custom: a user's own validator module, loaded by path (relative to the suite file) with a
 * dynamic import. This runs the user's code, never model output. The module exports one of:
 *   - `createValidator(options, context)` returning a validator `{name?, validate(input)}`,
 *   - a default export that is such a validator,
 *   - `validate(input)`.
 * `validate` may return a verdict (`{pass, score?, categories?, reasons?}`) or a boolean, sync or
 * async. TypeScript modules need a runtime that loads .ts (compile them, or Node ≥ 22.6).
 *
 * Options: `path` (required), `name` (default: the file name), `options` (passed to createValidator).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { UserInputError } from '../core/errors.js';
import type { Verdict } from '../core/types.js';
import { parseValidatorOptions } from './options.js';
import type { ValidationInput, Validator, ValidatorContext, ValidatorFactory } from './types.js';

const NAME = 'custom';

export const CustomOptionsSchema = z.strictObject({
  path: z.string().min(1),
  name: z.string().min(1).optional(),
  options: z.record(z.string(), z.unknown()).default({}),
});
export type CustomOptions = z.infer<typeof CustomOptionsSchema>;

const ResultSchema = z.union([
  z.boolean(),
  z.object({
    pass: z.boolean(),
    score: z.number().min(0).max(1).optional(),
    categories: z.array(z.string()).default([]),
    reasons: z.array(z.object({ message: z.string(), location: z.string().optional() })).default([]),
  }),
]);

type ValidateFunction = (input: ValidationInput) => unknown;

export async function loadCustomValidator(options: CustomOptions, context: ValidatorContext): Promise<Validator> {
  const file = path.resolve(context.baseDir, options.path);
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    throw new UserInputError(`custom validator: cannot load ${file}: ${(error as Error).message.split('\n')[0]}`, {
      hint: 'Check validators: [{custom: {path: ...}}] — the path is relative to the suite file.',
    });
  }
  const name = options.name ?? path.basename(file).replace(/\.[cm]?[jt]s$/, '');
  const validate = await findValidate(module, options, context, file);
  return {
    name,
    async validate(input): Promise<Verdict> {
      // The user's code failing is the user's to fix (exit 2), not a chainproof bug.
      let raw: unknown;
      try {
        raw = await validate(input);
      } catch (error) {
        throw new UserInputError(`custom validator ${name} (${file}) threw on case ${input.case.id}: ${error instanceof Error ? error.message : String(error)}`, {
          hint: 'Fix the module, or return {pass: false, reasons: [...]} instead of throwing for answers it rejects.',
        });
      }
      const parsed = ResultSchema.safeParse(raw);
      if (!parsed.success) {
        throw new UserInputError(`custom validator ${name} (${file}) returned ${JSON.stringify(raw)?.slice(0, 200)} for case ${input.case.id}; expected a boolean or {pass, score?, categories?, reasons?}`, {
          hint: 'pass is a boolean, score a number from 0 to 1, categories a list of strings, reasons a list of {message, location?}.',
        });
      }
      const result = parsed.data;
      if (typeof result === 'boolean') return { validator: name, pass: result, categories: [], reasons: [] };
      return { validator: name, pass: result.pass, ...(result.score !== undefined ? { score: result.score } : {}), categories: result.categories, reasons: result.reasons };
    },
  };
}

async function findValidate(module: Record<string, unknown>, options: CustomOptions, context: ValidatorContext, file: string): Promise<ValidateFunction> {
  if (typeof module.createValidator === 'function') {
    let created: { validate?: unknown } | undefined;
    try {
      created = (await (module.createValidator as (o: unknown, c: unknown) => unknown)(options.options, context)) as typeof created;
    } catch (error) {
      throw new UserInputError(`custom validator ${file}: createValidator threw: ${error instanceof Error ? error.message : String(error)}`, {
        hint: 'Check the options passed under custom: {options: ...}.',
      });
    }
    if (typeof created?.validate === 'function') return created.validate.bind(created) as ValidateFunction;
    throw new UserInputError(`custom validator ${file}: createValidator returned no {validate(input)}`, { hint: 'Return an object with a validate(input) method.' });
  }
  const fallback = module.default as { validate?: unknown } | undefined;
  if (fallback && typeof fallback.validate === 'function') return fallback.validate.bind(fallback) as ValidateFunction;
  if (typeof module.validate === 'function') return module.validate as ValidateFunction;
  throw new UserInputError(`custom validator ${file} exports no validator`, {
    hint: 'Export createValidator(options, context) returning {validate(input)}, a default {validate(input)} object, or a named validate(input). A default-exported function is not read: name it validate.',
  });
}

export const customFactory: ValidatorFactory = (options, context) => loadCustomValidator(parseValidatorOptions(NAME, CustomOptionsSchema, options), context);
