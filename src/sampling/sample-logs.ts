/**
 * Logs → a representative sample, in one streaming pass: parse each line in its format, filter
 * (--where, --since), de-duplicate, then offer it to its stratum's A-Res reservoir. Memory holds
 * the reservoirs (at most max(n, K) records per stratum) and, with --dedupe, 16 bytes per distinct
 * prompt; never the log. Allocation between strata is decided at the end, when sizes are known.
 */
import { basename, resolve } from 'node:path';
import { UserInputError } from '../core/errors.js';
import { allocateSample } from './allocate.js';
import { hashKey, KeyCounter, toDedupeKey } from './dedupe.js';
import { createFieldReader, toStratumKey, type FieldReader } from './field-path.js';
import { detectFormat, findFormat } from './formats/index.js';
import { createRandom } from './prng.js';
import { readRecords } from './read-records.js';
import { computeKey, Reservoir } from './reservoir.js';
import { buildCases, type SampledCase } from './build-cases.js';
import { countConversions, type ConversionCounts } from './count-conversions.js';
import { parseWhere, type WherePredicate } from './where-expression.js';
import type { FormatSpec, LogRecord, SampleOptions, SourceLine } from './types.js';

export interface Candidate {
  record: LogRecord;
  source: SourceLine;
  order: number;
  stratum: string;
  dedupeKey?: [number, number];
}

export interface SampleCounts {
  lines: number;
  blank_lines: number;
  skipped_not_model_calls: number;
  /** Model calls whose request body the log does not hold (see `warnings`). */
  skipped_without_body: number;
  filtered_where: number;
  filtered_since: number;
  missing_timestamp: number;
  duplicates_removed: number;
  eligible: number;
  sampled: number;
}

export interface InputSummary {
  file: string;
  format: string;
  /** jsonl, json-array or csv. */
  container: string;
  /** Records read: lines for JSON Lines, elements or rows otherwise. */
  lines: number;
  bytes: number;
  gzip: boolean;
}

export interface SampleResult {
  cases: SampledCase[];
  counts: SampleCounts;
  inputs: InputSummary[];
  strata: Record<string, { eligible: number; sampled: number }>;
  placeholders: Record<string, number>;
  /** Sampled cases converted from Anthropic/Gemini/Responses bodies, and the fields dropped. */
  conversions: ConversionCounts;
  /** Things the user should know about the logs, each with how many records it concerns and the first one. */
  warnings: SampleWarning[];
}

export interface SampleWarning {
  message: string;
  count: number;
  first: SourceLine;
}

interface Stratum {
  eligible: number;
  reservoir: Reservoir<Candidate>;
}

export async function sampleLogs(options: SampleOptions): Promise<SampleResult> {
  if (options.files.length === 0) throw new UserInputError('give at least one log file');
  const random = createRandom(options.seed);
  const where: WherePredicate | undefined = options.where ? parseWhere(options.where) : undefined;
  const stratifyReader: FieldReader | undefined = options.stratifyBy ? createFieldReader(options.stratifyBy, '--stratify-by') : undefined;
  const counter = options.dedupe ? new KeyCounter() : undefined;
  const capacity = Math.max(options.n, options.minPerStratum);
  const strata = new Map<string, Stratum>();
  const counts: SampleCounts = { lines: 0, blank_lines: 0, skipped_not_model_calls: 0, skipped_without_body: 0, filtered_where: 0, filtered_since: 0, missing_timestamp: 0, duplicates_removed: 0, eligible: 0, sampled: 0 };
  const inputs: InputSummary[] = [];
  const warnings = new Map<string, SampleWarning>();
  const warn = (message: string, source: SourceLine): void => {
    const warning = warnings.get(message);
    if (warning) warning.count += 1;
    else warnings.set(message, { message, count: 1, first: source });
  };
  let order = 0;
  const needsRecord = where !== undefined || stratifyReader !== undefined || counter !== undefined || options.since !== undefined;

  for (const file of options.files) {
    let format: FormatSpec | undefined = options.format ? findFormat(options.format) : undefined;
    const onRecord = (raw: Record<string, unknown>, line: number): void => {
      counts.lines += 1;
      const source = { file, line };
      if (!format) format = detectFormat(raw, source);
      else if (!options.format && !format.matches(raw)) {
        throw new UserInputError(`this line does not look like the rest of the file (${format.name})`, {
          location: { file, line },
          hint: `Expected ${format.expected}. Mixed files: split them, or force one reader with --format.`,
        });
      }
      if (format.isSkipped?.(raw)) {
        counts.skipped_not_model_calls += 1;
        return;
      }
      const missing = format.missingBody?.(raw);
      if (missing) {
        counts.skipped_without_body += 1;
        warn(missing, source);
        return;
      }
      // Without filters, strata or dedupe only the weight matters until a line wins a reservoir
      // place: the full record (and its deep checks) is read for the lines that do.
      const record = needsRecord ? format.read(raw, source) : undefined;
      if (record) {
        if (where && !where(raw, record)) {
          counts.filtered_where += 1;
          return;
        }
        if (options.since !== undefined) {
          if (record.timestamp === undefined) {
            counts.missing_timestamp += 1;
            return;
          }
          if (record.timestamp < options.since) {
            counts.filtered_since += 1;
            return;
          }
        }
      }
      const stratumKey = stratifyReader && record ? toStratumKey(stratifyReader(raw, record)) : 'all';
      let dedupeKey: [number, number] | undefined;
      if (counter && record) {
        // Per stratum: the same prompt sent to two models is two strata's business, not a duplicate.
        dedupeKey = hashKey(`${stratumKey}\u0000${toDedupeKey(record, options.dedupe!)}`);
        if (!counter.add(dedupeKey, record.weight)) {
          counts.duplicates_removed += 1;
          return;
        }
      }
      let stratum = strata.get(stratumKey);
      if (!stratum) {
        stratum = { eligible: 0, reservoir: new Reservoir<Candidate>(capacity) };
        strata.set(stratumKey, stratum);
      }
      stratum.eligible += 1;
      counts.eligible += 1;
      order += 1;
      const key = computeKey(random(), record?.weight ?? format.readWeight?.(raw) ?? 1);
      if (stratum.reservoir.wouldKeep(key)) {
        stratum.reservoir.offer(key, { record: record ?? format.read(raw, source), source, order, stratum: stratumKey, dedupeKey });
      }
    };
    const onBlank = (): void => {
      counts.lines += 1;
      counts.blank_lines += 1;
    };
    const { container, records, bytes, gzip } = await readRecords(resolve(options.cwd ?? process.cwd(), file), { record: onRecord, blank: onBlank });
    inputs.push({ file, format: (format as FormatSpec | undefined)?.name ?? '(empty)', container, lines: records, bytes, gzip });
  }

  if (counts.eligible === 0) throw explainEmptySample(counts, options, [...warnings.values()]);
  const keys = [...strata.keys()].sort();
  const allocation = allocateSample(keys.map((key) => strata.get(key)!.eligible), options.n, options.allocation, options.minPerStratum);
  const chosen: Candidate[] = [];
  const strataSummary: SampleResult['strata'] = {};
  keys.forEach((key, index) => {
    const taken = strata.get(key)!.reservoir.takeTop(allocation[index]!);
    chosen.push(...taken);
    strataSummary[key] = { eligible: strata.get(key)!.eligible, sampled: taken.length };
  });
  chosen.sort((a, b) => a.order - b.order);
  const built = buildCases(chosen, {
    weightOf: (candidate) => (counter && candidate.dedupeKey ? counter.total(candidate.dedupeKey) : candidate.record.weight),
    stratifyBy: options.stratifyBy,
    scrubPii: options.scrubPii,
    fallbackId: (candidate) => `${basename(candidate.source.file)}:${candidate.source.line}`,
  });
  counts.sampled = built.cases.length;
  for (const candidate of chosen) for (const note of candidate.record.notes ?? []) warn(note, candidate.source);
  return {
    cases: built.cases,
    counts,
    inputs,
    strata: strataSummary,
    placeholders: built.placeholders,
    conversions: countConversions(chosen.map((candidate) => candidate.record)),
    warnings: [...warnings.values()],
  };
}

/** Nothing to sample is an error, not an empty dataset: say where the records went. */
function explainEmptySample(counts: SampleCounts, options: SampleOptions, warnings: SampleWarning[]): UserInputError {
  const records = counts.lines - counts.blank_lines;
  if (records === 0) return new UserInputError(`the logs hold no records: ${options.files.join(', ')}`, { hint: 'Pass log files with at least one request (JSON Lines, a JSON array or CSV with a header row).' });
  const first = warnings[0];
  if (counts.skipped_without_body === records - counts.skipped_not_model_calls && first) {
    return new UserInputError(`none of the ${counts.skipped_without_body} model calls in the logs has its request body, so there is nothing to replay`, {
      location: { file: first.first.file, line: first.first.line },
      hint: first.message,
    });
  }
  const reasons = [
    [counts.filtered_where, `left out by --where ${JSON.stringify(options.where ?? '')}`],
    [counts.filtered_since, `older than --since`],
    [counts.missing_timestamp, 'without a time (--since needs one)'],
    [counts.skipped_without_body, 'without a usable request body'],
    [counts.skipped_not_model_calls, 'not model calls (spans, events)'],
  ] as const;
  const said = reasons.filter(([count]) => count > 0).map(([count, reason]) => `${count} ${reason}`);
  return new UserInputError(`none of the ${records} records in the logs is left to sample: ${said.join(', ')}`, {
    hint: 'Loosen the filters (--where, --since) or pass logs that hold the requests you want.',
  });
}
