/** Offsets ↔ `line:column` in the answer, so every reason points at a place a person can find. */

export interface Position {
  line: number;
  column: number;
}

/** 1-based line and column of `offset` in `text`. */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/** Where a payload sits in the answer: its first character, and the indentation a parser removed from its other lines. */
export interface Origin extends Position {
  indent: number;
}

/** A position inside a payload, moved to the answer's coordinates. */
export function shiftPosition(inner: Position, origin: Origin): Position {
  return inner.line === 1
    ? { line: origin.line, column: origin.column + inner.column - 1 }
    : { line: origin.line + inner.line - 1, column: inner.column + origin.indent };
}

export function formatPosition(position: Position): string {
  return `${position.line}:${position.column}`;
}
