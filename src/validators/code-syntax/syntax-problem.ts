/** What a syntax checker returns: the first error, 1-based line and column in the code it was given. */
export interface SyntaxProblem {
  message: string;
  line: number;
  column: number;
}

export type SyntaxCheck = (code: string) => SyntaxProblem | undefined;
