/**
 * The reporter contract: a pure function of the run record (and, for the reports that list cases,
 * its attempts) to one string. Reporters read nothing else and write nothing.
 */
import type { Attempt } from '../core/types.js';
import type { RunRecordFile } from '../record/types.js';

/** Attempts as an array (in memory) or a stream (attempts.jsonl read line by line); read once. */
export type AttemptSource = Iterable<Attempt> | AsyncIterable<Attempt>;

/** One rule of the CI gate, as `evaluateGate` (scoring/) returns it. */
export interface GateRuleOutcome {
  name: string;
  pass: boolean;
  detail: string;
}

export interface GateOutcome {
  pass: boolean;
  rules: GateRuleOutcome[];
}

export interface ReporterOptions {
  /** ANSI colour in terminal output; callers decide (TTY, NO_COLOR, --color). */
  color?: boolean;
  /** The gate's verdict, when the caller evaluated it: reports then lead with it. */
  gate?: GateOutcome;
}

export type Reporter = (record: RunRecordFile, attempts?: AttemptSource, options?: ReporterOptions) => Promise<string>;

export async function* iterateAttempts(source: AttemptSource | undefined): AsyncGenerator<Attempt> {
  if (!source) return;
  if (Symbol.asyncIterator in source) {
    for await (const attempt of source) yield attempt;
  } else {
    for (const attempt of source) yield attempt;
  }
}
