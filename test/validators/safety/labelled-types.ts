import type { SafetyCategory } from '../../../src/validators/safety.js';

export interface LabelledAnswer {
  id: string;
  /** Every category the validator must list (empty: nothing to report). */
  expect: SafetyCategory[];
  text: string;
}
