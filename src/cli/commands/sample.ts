/** `chainproof sample LOG... --n N --out FILE`: production logs → a representative, privacy-safe dataset. */
import { resolve } from 'node:path';
import { UserInputError } from '../../core/errors.js';
import { describeConversions, LOG_FORMATS, parseDateText, sampleLogs, writeSample, type LogFormat, type SampleOptions } from '../../sampling/index.js';
import { readNumberFlag, readStringFlag, type Command, type ParsedArgs } from '../command.js';

function readChoice<T extends string>(values: ParsedArgs['values'], name: string, choices: readonly T[]): T | undefined {
  const raw = readStringFlag(values, name);
  if (raw === undefined) return undefined;
  if (!choices.includes(raw as T)) throw new UserInputError(`--${name} must be one of ${choices.join(', ')}, got "${raw}"`);
  return raw as T;
}

/** `--format` names the log's schema; the container (JSON Lines, JSON array, CSV) is read from the file itself. */
function readFormat(values: ParsedArgs['values']): LogFormat | undefined {
  const raw = readStringFlag(values, 'format');
  if (raw !== undefined && ['json', 'jsonl', 'ndjson', 'csv', 'gzip', 'gz'].includes(raw.toLowerCase())) {
    throw new UserInputError(`--format ${raw}: JSON Lines, JSON arrays, CSV and gzip are recognised from the file itself, so no flag is needed`, {
      hint: `--format names what the records are, when detection picks the wrong one: ${LOG_FORMATS.join(', ')}`,
    });
  }
  return readChoice(values, 'format', LOG_FORMATS as readonly LogFormat[]);
}

function readOptions(args: ParsedArgs, cwd: string): { options: SampleOptions; out: string } {
  const { values, positionals } = args;
  if (positionals.length === 0) throw new UserInputError('give at least one log file', { hint: 'chainproof sample logs/*.jsonl.gz --n 400 --out datasets/x.jsonl' });
  const n = readNumberFlag(values, 'n');
  if (n === undefined || !Number.isInteger(n) || n <= 0) throw new UserInputError('--n must be a positive integer (the sample size)');
  const out = readStringFlag(values, 'out');
  if (!out) throw new UserInputError('--out FILE is required (the dataset to write)');
  const files = positionals.map((file) => resolve(cwd, file));
  const outPath = resolve(cwd, out);
  if (files.includes(outPath)) throw new UserInputError(`--out ${out} is also an input: write the sample elsewhere`);
  const minPerStratum = readNumberFlag(values, 'min-per-stratum') ?? 0;
  if (!Number.isInteger(minPerStratum) || minPerStratum < 0) throw new UserInputError('--min-per-stratum must be a non-negative integer');
  const stratifyBy = readStringFlag(values, 'stratify-by');
  if (minPerStratum > 0 && !stratifyBy) throw new UserInputError('--min-per-stratum needs --stratify-by');
  const sinceText = readStringFlag(values, 'since');
  const since = sinceText === undefined ? undefined : parseDateText(sinceText);
  if (sinceText !== undefined && since === undefined) throw new UserInputError(`--since must be a date (2024-05-01 or an ISO timestamp), got "${sinceText}"`);
  const options: SampleOptions = {
    files: positionals,
    cwd,
    n,
    seed: readStringFlag(values, 'seed') ?? '0',
    stratifyBy,
    allocation: readChoice(values, 'allocation', ['proportional', 'equal'] as const) ?? 'proportional',
    minPerStratum,
    since,
    where: readStringFlag(values, 'where'),
    dedupe: readChoice(values, 'dedupe', ['exact', 'template'] as const),
    scrubPii: values['scrub-pii'] === true,
    format: readFormat(values),
  };
  return { options, out: outPath };
}

export const sampleCommand: Command = {
  name: 'sample',
  summary: 'Sample production logs into a dataset (stratified, de-duplicated, PII-scrubbed)',
  usage: 'chainproof sample <log>... --n N --out FILE [flags]   (logs: JSON Lines, a JSON array or CSV; gzip allowed)',
  flags: {
    n: { type: 'string', value: 'N', description: 'Number of cases to sample (required)' },
    out: { type: 'string', value: 'FILE', description: 'Dataset to write; a FILE.meta.json sidecar is written beside it (required)' },
    seed: { type: 'string', value: 'S', default: '0', description: 'Seed: the same logs and seed give the same sample' },
    'stratify-by': { type: 'string', value: 'FIELD', description: 'Field path or tag to stratify by: model, metadata.tier, tags, tag:tier' },
    allocation: { type: 'string', value: 'MODE', default: 'proportional', description: 'Cases per stratum: proportional to its size, or equal' },
    'min-per-stratum': { type: 'string', value: 'K', default: '0', description: 'At least K cases from every stratum (or all it has)' },
    since: { type: 'string', value: 'DATE', description: 'Only requests at or after DATE, UTC unless it names a zone (lines without a time are skipped and counted)' },
    where: { type: 'string', value: 'EXPR', description: 'Filter: field == "x" && (n > 3 || tags contains "y"); ops == != > >= < <= contains && || !' },
    dedupe: { type: 'string', value: 'MODE', description: 'exact (normalised whitespace) or template (variables replaced); the count becomes the weight' },
    'scrub-pii': { type: 'boolean', description: 'Replace e-mails, phones, cards, SSNs, IBANs, IPs and secrets by <EMAIL_1>-style placeholders' },
    format: { type: 'string', value: 'F', description: `Force the input format (default: detected per file): ${LOG_FORMATS.join(', ')}` },
    json: { type: 'boolean', description: 'Print the summary as JSON' },
  },
  async run(args, io) {
    const { options, out } = readOptions(args, io.cwd);
    const result = await sampleLogs(options);
    const { metaPath } = await writeSample(out, options, result);
    const summary = { out, meta: metaPath, ...result.counts, strata: result.strata, placeholders: result.placeholders, conversions: result.conversions, warnings: result.warnings };
    for (const warning of result.warnings) {
      io.stderr.write(`warning: ${warning.count} record(s), first at ${warning.first.file}:${warning.first.line}: ${warning.message}\n`);
    }
    if (args.values.json === true) {
      io.stdout.write(`${JSON.stringify(summary)}\n`);
    } else {
      const { counts } = result;
      const conversions = describeConversions(result.conversions);
      io.stdout.write(
        `sampled ${counts.sampled} of ${counts.eligible} eligible requests (${counts.lines - counts.blank_lines} records read, ${counts.duplicates_removed} duplicates removed, ` +
          `${counts.filtered_where + counts.filtered_since + counts.missing_timestamp} filtered` +
          `${counts.skipped_without_body > 0 ? `, ${counts.skipped_without_body} without a usable request body skipped` : ''}) → ${out}\n` +
          Object.entries(result.strata).map(([key, stratum]) => `  ${key}: ${stratum.sampled} of ${stratum.eligible}\n`).join('') +
          (options.scrubPii ? `  placeholders: ${JSON.stringify(result.placeholders)}\n` : '') +
          (conversions ? `  ${conversions}\n` : '') +
          `  metadata: ${metaPath}\n`,
      );
    }
    return 0;
  },
};
