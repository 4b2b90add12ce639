/**
 * A log kept as CSV with a header row (Helicone's `--format csv` export, spreadsheet dumps): each
 * row becomes an object keyed by the header, empty cells left out. Cells holding JSON (request
 * bodies, properties) are parsed, including JSON whose quotes were doubled once more than CSV
 * needs — Helicone's export tool escapes `"` twice, so one CSV unquoting leaves `{""model"":…}`.
 */
import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { UserInputError } from '../core/errors.js';

export type CsvRowSink = (row: Record<string, unknown>, line: number) => void;

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A cell's value: JSON objects/arrays parsed (even when double-escaped), anything else kept as text. */
export function readCell(text: string): unknown {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return text;
  const parsed = tryJson(text);
  if (parsed !== undefined) return parsed;
  if (text.includes('""')) {
    const unDoubled = tryJson(text.replaceAll('""', '"'));
    if (unDoubled !== undefined) return unDoubled;
  }
  return text;
}

/** Reads every row of `stream`; returns the number of rows. */
export async function readCsv(stream: Readable, file: string, onRow: CsvRowSink): Promise<number> {
  const parser = stream.pipe(parse({ columns: true, info: true, bom: true, skip_empty_lines: true }));
  let rows = 0;
  let lastLine = 1;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      const row: Record<string, unknown> = {};
      let newlinesInCells = 0;
      for (const [column, text] of Object.entries(record)) {
        if (text === '') continue;
        row[column] = readCell(text);
        for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) newlinesInCells += 1;
      }
      rows += 1;
      lastLine = info.lines;
      // info.lines is where the row ends; a quoted cell may span lines, so count back to its start.
      onRow(row, info.lines - newlinesInCells);
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    throw new UserInputError(`not valid CSV: ${error.message}`, {
      location: { file, line: line ?? lastLine + 1 },
      hint: 'CSV logs need a header row and the same number of cells in every row; JSON Lines logs are read when the first character is {.',
    });
  }
  return rows;
}
