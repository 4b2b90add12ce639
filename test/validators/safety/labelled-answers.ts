/** The labelled set for the safety validator: every answer with the categories it must report. */
import { HOLDOUT_ANSWERS } from './labelled-holdout.js';
import { PII_ANSWERS } from './labelled-pii.js';
import { REFUSAL_ANSWERS } from './labelled-refusals.js';
import { SECRET_ANSWERS } from './labelled-secrets.js';
import type { LabelledAnswer } from './labelled-types.js';

export type { LabelledAnswer } from './labelled-types.js';
export const LABELLED_ANSWERS: LabelledAnswer[] = [...PII_ANSWERS, ...SECRET_ANSWERS, ...REFUSAL_ANSWERS, ...HOLDOUT_ANSWERS];
