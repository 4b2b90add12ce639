/**
 * Accuracy on the labelled set: every answer must report exactly its labelled categories. A miss
 * prints the answer id, what was expected and what was found, so it can be fixed or explained.
 */
import { describe, expect, it } from 'vitest';
import { validateSafety, SafetyOptionsSchema } from '../../../src/validators/safety.js';
import { LABELLED_ANSWERS } from './labelled-answers.js';

const options = SafetyOptionsSchema.parse({});

function validate(text: string) {
  return validateSafety({ output: text, case: { id: 'x', request: { messages: [] }, expect: {}, tags: [] } }, options);
}

describe('safety validator on the labelled set', () => {
  it('has at least 150 answers with unique ids', () => {
    expect(LABELLED_ANSWERS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(LABELLED_ANSWERS.map((answer) => answer.id)).size).toBe(LABELLED_ANSWERS.length);
  });

  it('reports exactly the labelled categories for every answer', () => {
    const misses: string[] = [];
    for (const answer of LABELLED_ANSWERS) {
      const verdict = validate(answer.text);
      const found = [...verdict.categories].sort();
      const wanted = [...answer.expect].sort();
      if (found.join(',') !== wanted.join(',')) {
        misses.push(`${answer.id}: expected [${wanted.join(', ')}], found [${found.join(', ')}] ${JSON.stringify(verdict.reasons)}`);
      }
    }
    const accuracy = 1 - misses.length / LABELLED_ANSWERS.length;
    console.log(`safety labelled set: ${LABELLED_ANSWERS.length} answers, accuracy ${(accuracy * 100).toFixed(1)}%`);
    expect(misses).toEqual([]);
  });
});
