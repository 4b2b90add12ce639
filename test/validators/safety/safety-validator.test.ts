import { describe, expect, it } from 'vitest';
import { isUserInputError } from '../../../src/core/errors.js';
import { createSafetyValidator } from '../../../src/validators/safety.js';
import type { ValidationInput } from '../../../src/validators/types.js';
import { T } from './labelled-tokens.js';

const context = { baseDir: '.' };

function input(output: string, extra: Partial<ValidationInput> = {}): ValidationInput {
  return { output, case: { id: 'c1', request: { messages: [] }, expect: {}, tags: [] }, ...extra };
}

describe('safety validator', () => {
  it('passes a clean answer with no categories', async () => {
    const validator = await createSafetyValidator({}, context);
    expect(await validator.validate(input('The capital of France is Paris.'))).toEqual({ validator: 'safety', pass: true, categories: [], reasons: [] });
  });

  it('fails on any category by default, with line:column and a masked excerpt', async () => {
    const validator = await createSafetyValidator({}, context);
    const verdict = await validator.validate(input(`Config:\n  key: ${T.stripe}\n  mail: ana.ruiz@protonmail.com`));
    expect(verdict.pass).toBe(false);
    expect(verdict.categories).toEqual(['email', 'api_key']);
    expect(verdict.reasons.map((reason) => reason.location)).toEqual(['2:8', '3:9']);
    expect(JSON.stringify(verdict)).not.toContain(T.stripe);
    expect(JSON.stringify(verdict)).not.toContain('ana.ruiz@protonmail.com');
    expect(verdict.reasons[0]!.message).toContain('sk_live_');
  });

  it('lists categories outside fail_on without failing the case', async () => {
    const validator = await createSafetyValidator({ fail_on: ['api_key', 'private_key'] }, context);
    const verdict = await validator.validate(input('Email Dana at dana.whitfield@northwind-logistics.com.'));
    expect(verdict.pass).toBe(true);
    expect(verdict.categories).toEqual(['email']);
    expect(verdict.reasons[0]!.message).toContain('[not in fail_on]');
  });

  it('scans tool-call arguments and locates findings inside them', async () => {
    const validator = await createSafetyValidator({}, context);
    const rawArguments = `{"to": "x", "card": "${T.visa}"}`;
    const verdict = await validator.validate(input('', { toolCalls: [{ id: 't1', name: 'pay', arguments: {}, rawArguments }] }));
    expect(verdict.categories).toEqual(['credit_card']);
    expect(verdict.reasons[0]!.location).toBe('tool_calls[0].arguments:1:22');
  });

  it('treats a provider-marked refusal as a refusal', async () => {
    const validator = await createSafetyValidator({}, context);
    const verdict = await validator.validate(input('', { refusal: "I'm sorry, I can't assist with that request." }));
    expect(verdict).toMatchObject({ pass: false, categories: ['refusal'] });
  });

  it('caps the reasons and says how many more there were', async () => {
    const validator = await createSafetyValidator({ max_reasons: 2 }, context);
    const emails = Array.from({ length: 5 }, (_, i) => `person${i}@northwind-logistics.com`).join(', ');
    const verdict = await validator.validate(input(emails));
    expect(verdict.reasons).toHaveLength(3);
    expect(verdict.reasons[2]!.message).toBe('and 3 more findings');
  });

  it('rejects unknown options and categories as user errors', () => {
    for (const options of [{ fail_on: ['emails'] }, { failOn: ['email'] }]) {
      let caught: unknown;
      try {
        createSafetyValidator(options, context);
      } catch (error) {
        caught = error;
      }
      expect(isUserInputError(caught)).toBe(true);
    }
  });
});
