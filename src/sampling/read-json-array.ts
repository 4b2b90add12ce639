/**
 * A log kept as one JSON array (what "export as JSON" buttons write), read one element at a time:
 * memory holds one record, never the array. Elements are split by a byte scanner that tracks
 * strings and nesting, then parsed with JSON.parse, so each record keeps the line it starts on.
 *
 * Two habits of real exporters are handled on purpose: a trailing comma before `]` (Helicone's
 * export tool writes one after every record) is accepted; an array that never closes (the same
 * tool can exit before its output is flushed) is an error, because records are missing.
 */
import { UserInputError } from '../core/errors.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const NEWLINE = 0x0a;

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

export type ElementSink = (text: string, line: number) => void;

/** Feeds chunks of one JSON array; calls `onElement(text, startLine)` for every element. */
export class JsonArraySplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private line = 1;
  private opened = false;
  private closed = false;
  /** After an element or `[`: a comma is allowed (after an element) or required before the next one. */
  private expectingComma = false;
  private elementLine = 0;
  private pieces: Buffer[] = [];
  private elements = 0;

  constructor(
    private readonly file: string,
    private readonly onElement: ElementSink,
  ) {}

  get count(): number {
    return this.elements;
  }

  write(chunk: Buffer): void {
    let start = this.depth > 1 ? 0 : -1;
    for (let index = 0; index < chunk.length; index += 1) {
      const byte = chunk[index]!;
      if (byte === NEWLINE) this.line += 1;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === BACKSLASH) this.escaped = true;
        else if (byte === QUOTE) this.inString = false;
        continue;
      }
      if (this.depth > 1) {
        if (byte === QUOTE) this.inString = true;
        else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) this.depth += 1;
        else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
          this.depth -= 1;
          if (this.depth === 1) {
            this.pieces.push(chunk.subarray(start, index + 1));
            this.finishElement();
            start = -1;
          }
        }
        continue;
      }
      if (isSpace(byte)) continue;
      // A UTF-8 byte-order mark before the array (spreadsheet tools write one).
      if (!this.opened && (byte === 0xef || byte === 0xbb || byte === 0xbf)) continue;
      this.readStructural(byte);
      if (this.depth > 1) start = index;
    }
    if (this.depth > 1 && start !== -1) this.pieces.push(Buffer.from(chunk.subarray(start)));
  }

  /** Bytes outside any element: `[`, `,`, `]`, or the first byte of an element. */
  private readStructural(byte: number): void {
    if (this.closed) this.fail('text after the closing ] of the array');
    if (!this.opened) {
      if (byte !== OPEN_BRACKET) this.fail('expected a JSON array starting with [');
      this.opened = true;
      this.depth = 1;
      return;
    }
    if (byte === CLOSE_BRACKET) {
      this.closed = true;
      this.depth = 0;
      return;
    }
    if (byte === COMMA) {
      if (!this.expectingComma) this.fail('unexpected , in the array (an empty element?)');
      this.expectingComma = false;
      return;
    }
    if (this.expectingComma) this.fail('expected , or ] between array elements');
    if (byte !== OPEN_BRACE) this.fail('expected an object ({…}) for each log record in the array');
    this.depth = 2;
    this.elementLine = this.line;
  }

  private finishElement(): void {
    const text = Buffer.concat(this.pieces).toString('utf8');
    this.pieces = [];
    this.expectingComma = true;
    this.elements += 1;
    this.onElement(text, this.elementLine);
  }

  /** Call at the end of the input: an array that never closed lost records. */
  end(): void {
    if (this.closed) return;
    if (!this.opened) this.fail('the file is empty: expected a JSON array');
    throw new UserInputError(`the JSON array is not closed: the file ends after ${this.elements} complete record(s)`, {
      location: { file: this.file, line: this.line },
      hint:
        'The export was cut short, so records are missing (Helicone\'s export tool can exit before it has written all of its --format json output). ' +
        'Export again, preferably as JSON Lines (--format jsonl), which chainproof reads line by line.',
    });
  }

  private fail(message: string): never {
    throw new UserInputError(message, { location: { file: this.file, line: this.line }, hint: 'Logs are read as JSON Lines, a JSON array of objects, or CSV with a header row (gzip allowed).' });
  }
}
