/**
 * The streaming fold: every attempt is reduced to a few numbers in typed columns (one row per
 * (case, repeat) key and candidate), so summarizing 500k attempts keeps tens of MB, not the
 * attempts. Outputs, verdict reasons and tool calls are never held.
 */
import { ERROR_KINDS, type ErrorKind } from '../core/errors.js';
import type { Attempt } from '../core/types.js';
import { classifyAttempt, classifySafety, contractWarningBits, countsForPass, type OutcomeRules } from './attempt-outcome.js';

class GrowableColumn<T extends Float64Array | Int32Array | Uint8Array | Int8Array> {
  constructor(
    public data: T,
    private readonly create: (length: number) => T,
    private readonly fill: number,
  ) {}

  ensure(length: number): void {
    if (length <= this.data.length) return;
    let size = Math.max(16, this.data.length);
    while (size < length) size *= 2;
    const next = this.create(size);
    next.fill(this.fill);
    next.set(this.data);
    this.data = next;
  }
}

const float = (fill: number) => new GrowableColumn(new Float64Array(0), (length) => new Float64Array(length), fill);
const byte = () => new GrowableColumn(new Uint8Array(0), (length) => new Uint8Array(length), 0);
const signedByte = () => new GrowableColumn(new Int8Array(0), (length) => new Int8Array(length), -1);

/** One candidate's columns, indexed by key. */
export class CandidateFacts {
  readonly outcome = byte();
  readonly errorKind = signedByte();
  readonly latency = float(Number.NaN);
  readonly ttft = float(Number.NaN);
  readonly cost = float(0);
  readonly safety = byte();
  readonly firstTry = byte();
  readonly contractWarnings = byte();
  readonly warningsByParam = new Map<string, number>();
  readonly validatorCounts = new Map<string, { pass: number; total: number }>();
  /** What validators that call models (judge) spent on this candidate's answers. */
  validationCostUsd = 0;
  simulated = false;

  constructor(readonly id: string) {}

  ensure(length: number): void {
    for (const column of [this.outcome, this.errorKind, this.latency, this.ttft, this.cost, this.safety, this.firstTry, this.contractWarnings]) {
      column.ensure(length);
    }
  }
}

export class AttemptFacts {
  readonly caseIds: string[] = [];
  private readonly caseIndex = new Map<string, number>();
  private readonly keyIndex = new Map<string, number>();
  readonly keyCase = new GrowableColumn(new Int32Array(0), (length) => new Int32Array(length), 0);
  readonly keyRepeat = new GrowableColumn(new Int32Array(0), (length) => new Int32Array(length), 0);
  keyCount = 0;
  readonly candidates = new Map<string, CandidateFacts>();
  attemptCount = 0;
  unknownCandidates = new Set<string>();

  constructor(
    readonly candidateOrder: readonly string[],
    private readonly rules: OutcomeRules,
  ) {
    for (const id of candidateOrder) this.candidates.set(id, new CandidateFacts(id));
  }

  add(attempt: Attempt): void {
    const facts = this.candidates.get(attempt.candidate_id);
    if (!facts) {
      this.unknownCandidates.add(attempt.candidate_id);
      return;
    }
    this.attemptCount += 1;
    const key = this.indexKey(attempt.case_id, attempt.repeat);
    facts.ensure(this.keyCount);
    const outcome = classifyAttempt(attempt, this.rules);
    facts.outcome.data[key] = outcome;
    facts.errorKind.data[key] = attempt.error ? ERROR_KINDS.indexOf(attempt.error.kind) : -1;
    facts.latency.data[key] = attempt.latency_ms;
    facts.ttft.data[key] = attempt.ttft_ms ?? Number.NaN;
    facts.cost.data[key] = attempt.cost_usd;
    facts.safety.data[key] = classifySafety(attempt, this.rules);
    facts.firstTry.data[key] = attempt.status === 'ok' && attempt.retries === 0 ? 1 : 0;
    facts.contractWarnings.data[key] = contractWarningBits(attempt);
    if (attempt.simulated) facts.simulated = true;
    for (const warning of attempt.warnings) facts.warningsByParam.set(warning.param, (facts.warningsByParam.get(warning.param) ?? 0) + 1);
    for (const verdict of attempt.verdicts) facts.validationCostUsd += verdict.cost_usd ?? 0;
    if (attempt.status === 'ok') {
      for (const verdict of attempt.verdicts) {
        if (!countsForPass(verdict, { safetyValidators: this.rules.safetyValidators })) continue;
        const counts = facts.validatorCounts.get(verdict.validator) ?? { pass: 0, total: 0 };
        counts.total += 1;
        if (verdict.pass) counts.pass += 1;
        facts.validatorCounts.set(verdict.validator, counts);
      }
    }
  }

  get(candidateId: string): CandidateFacts | undefined {
    return this.candidates.get(candidateId);
  }

  errorKindName(index: number): ErrorKind | undefined {
    return index >= 0 ? ERROR_KINDS[index] : undefined;
  }

  caseOfKey(key: number): string {
    return this.caseIds[this.keyCase.data[key]!]!;
  }

  /** Key index of (case, repeat), or −1 when no attempt had it. */
  findKey(caseId: string, repeat: number): number {
    return this.keyIndex.get(`${caseId}\u0000${repeat}`) ?? -1;
  }

  /** Makes every candidate's columns as long as the key list. */
  finish(): void {
    for (const facts of this.candidates.values()) facts.ensure(this.keyCount);
  }

  private indexKey(caseId: string, repeat: number): number {
    const label = `${caseId}\u0000${repeat}`;
    const existing = this.keyIndex.get(label);
    if (existing !== undefined) return existing;
    let caseNumber = this.caseIndex.get(caseId);
    if (caseNumber === undefined) {
      caseNumber = this.caseIds.length;
      this.caseIds.push(caseId);
      this.caseIndex.set(caseId, caseNumber);
    }
    const key = this.keyCount++;
    this.keyCase.ensure(this.keyCount);
    this.keyRepeat.ensure(this.keyCount);
    this.keyCase.data[key] = caseNumber;
    this.keyRepeat.data[key] = repeat;
    this.keyIndex.set(label, key);
    return key;
  }
}

export async function collectFacts(
  candidateOrder: readonly string[],
  attempts: AsyncIterable<Attempt> | Iterable<Attempt>,
  rules: OutcomeRules,
): Promise<AttemptFacts> {
  const facts = new AttemptFacts(candidateOrder, rules);
  for await (const attempt of attempts) facts.add(attempt);
  facts.finish();
  return facts;
}
