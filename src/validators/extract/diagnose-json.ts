/**
 * Says where and why strict JSON is broken. `JSON.parse` is the judge (it is fast and exact); this
 * scanner runs only after it failed, because V8's messages do not always carry a position and never
 * say "trailing comma" or "comment" in words a person acts on.
 */

export interface JsonProblem {
  offset: number;
  message: string;
}

class Stop extends Error {
  constructor(readonly problem: JsonProblem) {
    super(problem.message);
  }
}

export function diagnoseJson(text: string): JsonProblem | undefined {
  const scanner = new Scanner(text);
  try {
    scanner.skipSpace();
    scanner.value();
    scanner.skipSpace();
    if (scanner.index < text.length) scanner.fail('unexpected text after the JSON value');
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return error.problem;
    throw error;
  }
}

class Scanner {
  index = 0;
  constructor(private readonly text: string) {}

  fail(message: string, offset = this.index): never {
    throw new Stop({ offset, message });
  }

  skipSpace(): void {
    while (this.index < this.text.length && ' \t\n\r'.includes(this.text[this.index]!)) this.index += 1;
  }

  value(): void {
    const char = this.text[this.index];
    if (char === undefined) this.fail('unexpected end of input (the JSON is cut short)');
    if (char === '{') return this.object();
    if (char === '[') return this.array();
    if (char === '"') return this.string();
    if (char === '-' || (char >= '0' && char <= '9')) return this.number();
    this.literalOrFail();
  }

  private literalOrFail(): void {
    const word = /^[A-Za-z_$][\w$]*/.exec(this.text.slice(this.index, this.index + 32))?.[0];
    if (word === 'true' || word === 'false' || word === 'null') {
      this.index += word.length;
      return;
    }
    const char = this.text[this.index]!;
    if (char === "'") this.fail('single-quoted string (JSON needs double quotes; allow with lenient: true)');
    if (char === '/') this.fail('comment (JSON has no comments; allow with lenient: true)');
    if (char === '+' || char === '.') this.fail(`invalid number starting with "${char}"`);
    if (word) this.fail(`unexpected word "${word}" (JSON values are strings, numbers, true, false, null, objects and arrays)`);
    this.fail(`unexpected character ${JSON.stringify(char)}`);
  }

  private object(): void {
    this.index += 1;
    this.skipSpace();
    if (this.text[this.index] === '}') {
      this.index += 1;
      return;
    }
    for (;;) {
      this.key();
      this.skipSpace();
      if (this.text[this.index] !== ':') this.fail(this.index >= this.text.length ? 'unexpected end of input (the JSON is cut short)' : 'expected ":" after the property name');
      this.index += 1;
      this.skipSpace();
      this.value();
      this.skipSpace();
      const char = this.text[this.index];
      if (char === '}') {
        this.index += 1;
        return;
      }
      if (char !== ',') this.expectedSeparator('}');
      const comma = this.index;
      this.index += 1;
      this.skipSpace();
      if (this.text[this.index] === '}') this.fail('trailing comma (allow with lenient: true)', comma);
    }
  }

  private key(): void {
    const char = this.text[this.index];
    if (char === '"') return this.string();
    if (char === undefined) this.fail('unexpected end of input (the JSON is cut short)');
    if (char === "'") this.fail('single-quoted property name (JSON needs double quotes; allow with lenient: true)');
    if (char === '/') this.fail('comment (JSON has no comments; allow with lenient: true)');
    if (/[A-Za-z_$]/.test(char)) this.fail('unquoted property name (JSON needs double quotes; allow with lenient: true)');
    this.fail(`expected a property name, found ${JSON.stringify(char)}`);
  }

  private array(): void {
    this.index += 1;
    this.skipSpace();
    if (this.text[this.index] === ']') {
      this.index += 1;
      return;
    }
    for (;;) {
      this.value();
      this.skipSpace();
      const char = this.text[this.index];
      if (char === ']') {
        this.index += 1;
        return;
      }
      if (char !== ',') this.expectedSeparator(']');
      const comma = this.index;
      this.index += 1;
      this.skipSpace();
      if (this.text[this.index] === ']') this.fail('trailing comma (allow with lenient: true)', comma);
    }
  }

  private expectedSeparator(closer: string): never {
    const char = this.text[this.index];
    if (char === undefined) this.fail('unexpected end of input (the JSON is cut short)');
    if (char === '/') this.fail('comment (JSON has no comments; allow with lenient: true)');
    this.fail(`expected "," or "${closer}", found ${JSON.stringify(char)} (a missing comma?)`);
  }

  private string(): void {
    const start = this.index;
    this.index += 1;
    while (this.index < this.text.length) {
      const code = this.text.charCodeAt(this.index);
      if (code === 0x22) {
        this.index += 1;
        return;
      }
      if (code < 0x20) this.fail(code === 0x0a ? 'unescaped line break inside a string' : 'unescaped control character inside a string');
      if (code === 0x5c) {
        const escape = this.text[this.index + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.index + 2, this.index + 6))) this.fail('invalid \\u escape');
          this.index += 6;
          continue;
        }
        if (escape === undefined || !'"\\/bfnrt'.includes(escape)) this.fail(`invalid escape "\\${escape ?? ''}"`);
        this.index += 2;
        continue;
      }
      this.index += 1;
    }
    this.fail('unterminated string (the JSON is cut short)', start);
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.index, this.index + 400));
    if (!match) this.fail('invalid number');
    const next = this.text[this.index + match[0].length];
    if (next !== undefined && /[0-9xX.]/.test(next)) this.fail('invalid number (leading zero, hex or a dangling ".")');
    this.index += match[0].length;
  }
}
