/**
 * Everything a run directory holds besides the record itself: report.md, report.html, junit.xml,
 * chain.json and the gateway exports. Each file is written whole then renamed into place, so a
 * reader never sees half a report. Called at the end of every run and by nothing that calls models.
 */
import path from 'node:path';
import { assertNoSecretValues } from '../chain/export-chain.js';
import { EXPORTERS } from '../chain/exporters/index.js';
import type { Attempt } from '../core/types.js';
import { isUserInputError } from '../core/errors.js';
import { readRunAttempts } from '../record/read-run.js';
import type { RunRecordFile } from '../record/types.js';
import { writeFileAtomic } from '../record/write-run.js';
import { renderHtml } from './html.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import type { ReporterOptions } from './types.js';

export interface DerivedFiles {
  /** Paths relative to the run directory, in the order written. */
  written: string[];
  /** Exports that could not be produced (no chain, no id on that gateway), with the reason. */
  skipped: Array<{ format: string; reason: string }>;
  warnings: string[];
}

export interface WriteDerivedOptions extends ReporterOptions {
  /** Checked so that no secret's value reaches a file; defaults to process.env. */
  env?: Record<string, string | undefined>;
}

/**
 * `attempts` in memory are reused for each report; without them attempts.jsonl is streamed once
 * per report, so memory does not grow with the run.
 */
export async function writeDerivedFiles(
  runDir: string,
  record: RunRecordFile,
  attempts?: readonly Attempt[],
  options: WriteDerivedOptions = {},
): Promise<DerivedFiles> {
  const env = options.env ?? process.env;
  const source = () => (attempts ? attempts : readRunAttempts(runDir));
  const result: DerivedFiles = { written: [], skipped: [], warnings: [] };
  const reporterOptions: ReporterOptions = { gate: options.gate };
  const reports: Array<[string, () => Promise<string>]> = [
    ['report.md', () => renderMarkdown(record, source(), reporterOptions)],
    ['report.html', () => renderHtml(record, source(), reporterOptions)],
    ['junit.xml', () => renderJunit(record, source(), reporterOptions)],
  ];
  for (const [file, render] of reports) {
    await writeFileAtomic(path.join(runDir, file), await render());
    result.written.push(file);
  }
  for (const [format, exporter] of Object.entries(EXPORTERS)) {
    try {
      const output = exporter(record);
      assertNoSecretValues(output.content, env);
      await writeFileAtomic(path.join(runDir, output.filename), output.content);
      result.written.push(output.filename);
      result.warnings.push(...output.warnings.map((warning) => `${output.format}: ${warning}`));
    } catch (error) {
      if (!isUserInputError(error)) throw error;
      result.skipped.push({ format, reason: error.message });
    }
  }
  return result;
}
