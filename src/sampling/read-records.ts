/**
 * Every log file as a stream of records, whatever it is kept in: JSON Lines (the fast path, one
 * record a line), one JSON array, or CSV with a header row — gzip-compressed or not. The container
 * is detected from the content: `[` first is a JSON array, a first line that looks like a CSV
 * header (or a `.csv` name) is CSV, anything else JSON Lines — whose parser then names the line
 * that is not JSON. So `.json`, `.jsonl` and `.csv` exports of the same tool all read.
 */
import { UserInputError } from '../core/errors.js';
import { readCsv } from './read-csv.js';
import { JsonArraySplitter } from './read-json-array.js';
import { isGzipFile, openLogStream, readLines } from './read-lines.js';
import { isRecord } from './to-canonical.js';

export type Container = 'jsonl' | 'json-array' | 'csv';

export interface RecordSink {
  record(raw: Record<string, unknown>, line: number): void;
  /** A blank line of a JSON Lines file (counted, not an error). */
  blank(line: number): void;
}

export interface ReadSummary {
  container: Container;
  /** Records read: lines for JSON Lines (blank ones included), elements or rows otherwise. */
  records: number;
  bytes: number;
  gzip: boolean;
}

/** The start of the file (decompressed), up to its first line break after the leading white space. */
async function readHead(path: string, gzip: boolean): Promise<string> {
  const stream = openLogStream(path, gzip, { bytes: 0 });
  let head = '';
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      head += chunk.toString('utf8');
      const text = head.replace(/^\uFEFF?\s*/, '');
      if (text.includes('\n') || head.length > 1 << 16) break;
    }
  } finally {
    stream.destroy();
  }
  return head.replace(/^\uFEFF?\s*/, '');
}

/** A CSV header row: two or more column names (quoted or not) separated by commas. */
const CSV_HEADER = /^(?:"[^"\n]*"|[\w .:/-]+)(?:,(?:"[^"\n]*"|[\w .:/-]*))+\r?$/;

export async function detectContainer(path: string, gzip: boolean): Promise<Container> {
  const head = await readHead(path, gzip);
  if (head.startsWith('[')) return 'json-array';
  const firstLine = head.split('\n', 1)[0]!;
  // Anything that is neither JSON nor a CSV header reads as JSON Lines, whose error names line 1.
  if (!head.startsWith('{') && (/\.csv(?:\.gz)?$/i.test(path) || CSV_HEADER.test(firstLine))) return 'csv';
  return 'jsonl';
}

function parseJson(text: string, file: string, line: number, container: Container): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    // `{` alone on line 1: one pretty-printed JSON document (an API response saved with curl, say).
    const document = container === 'jsonl' && line === 1 && text.trim() === '{';
    const hint = document
      ? 'This file is one pretty-printed JSON object, not JSON Lines. Logs are read as JSON Lines, a JSON array of records or CSV; ' +
        "for an API response holding its records in \"data\", write them one a line: jq -c '.data[]' FILE > FILE.jsonl"
      : container === 'jsonl'
        ? 'Logs are read as JSON Lines: one JSON object per line (gzip allowed).'
        : 'Each element of the JSON array must be a JSON object.';
    throw new UserInputError(`not a JSON ${container === 'jsonl' ? 'line' : 'record'}: ${(error as Error).message}`, { location: { file, line }, hint });
  }
  if (!isRecord(raw)) throw new UserInputError('expected a JSON object on each line', { location: { file, line } });
  return raw;
}

function isBlank(text: string): boolean {
  return text.length === 0 || (text.charCodeAt(0) <= 32 && /^\s*$/.test(text));
}

export async function readRecords(path: string, sink: RecordSink): Promise<ReadSummary> {
  const gzip = await isGzipFile(path);
  const container = await detectContainer(path, gzip);
  if (container === 'jsonl') {
    let records = 0;
    const { bytes } = await readLines(path, (text, line) => {
      records = line;
      if (isBlank(text)) sink.blank(line);
      else sink.record(parseJson(line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, path, line, container), line);
    });
    return { container, records, bytes, gzip };
  }
  const counter = { bytes: 0 };
  const stream = openLogStream(path, gzip, counter);
  if (container === 'csv') {
    const records = await readCsv(stream, path, (row, line) => sink.record(row, line));
    return { container, records, bytes: counter.bytes, gzip };
  }
  const splitter = new JsonArraySplitter(path, (text, line) => sink.record(parseJson(text, path, line, container), line));
  for await (const chunk of stream as AsyncIterable<Buffer>) splitter.write(chunk);
  splitter.end();
  return { container, records: splitter.count, bytes: counter.bytes, gzip };
}
