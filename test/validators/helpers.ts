import type { ValidationInput } from '../../src/validators/types.js';

export function makeInput(output: string, testCase: Partial<ValidationInput['case']> = {}, extra: Partial<ValidationInput> = {}): ValidationInput {
  return {
    output,
    case: { id: testCase.id ?? 'c1', request: testCase.request ?? { messages: [] }, expect: testCase.expect ?? {}, tags: testCase.tags ?? [] },
    ...extra,
  };
}
