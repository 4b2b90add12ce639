/**
 * The error taxonomy (DESIGN.md §5). Assigned once, where the HTTP response or socket error is
 * first seen (providers/), and carried as data. Nothing above providers/ reads a status code or a
 * message string: it reads `kind`, `retryable` and `retryAfterMs`.
 */
export const ERROR_KINDS = [
  'rate_limited',
  'overloaded',
  'timeout',
  'server_error',
  'network',
  'auth',
  'bad_request',
  'content_filter',
  'context_length',
  'malformed_response',
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

/** Kinds that are worth retrying unless the provider says otherwise (e.g. `insufficient_quota`). */
export const RETRYABLE_BY_DEFAULT: Readonly<Record<ErrorKind, boolean>> = {
  rate_limited: true,
  overloaded: true,
  timeout: true,
  server_error: true,
  network: true,
  auth: false,
  bad_request: false,
  content_filter: false,
  context_length: false,
  malformed_response: true,
};

export interface ProviderErrorInfo {
  kind: ErrorKind;
  retryable: boolean;
  /** HTTP status, when the failure came with one. */
  status?: number;
  /** Milliseconds the provider asked us to wait (retry-after, RetryInfo, x-ratelimit-reset-*). */
  retryAfterMs?: number;
  /** The provider's own code: `insufficient_quota`, `overloaded_error`, `RESOURCE_EXHAUSTED`, `ECONNRESET`… */
  providerCode?: string;
  message: string;
}

/** A classified failure of one model call. Thrown by providers/, caught by the runner. */
export class ProviderError extends Error {
  readonly info: ProviderErrorInfo;
  /** Output that arrived before the failure (a stream cut mid-way keeps its partial text). */
  readonly partialOutput?: string;

  constructor(info: ProviderErrorInfo, partialOutput?: string) {
    super(info.message);
    this.name = 'ProviderError';
    this.info = info;
    this.partialOutput = partialOutput;
  }
}

export function createProviderError(
  kind: ErrorKind,
  message: string,
  extra: Partial<Omit<ProviderErrorInfo, 'kind' | 'message'>> = {},
  partialOutput?: string,
): ProviderError {
  return new ProviderError(
    { kind, message, retryable: extra.retryable ?? RETRYABLE_BY_DEFAULT[kind], ...extra },
    partialOutput,
  );
}

export function isProviderError(value: unknown): value is ProviderError {
  return value instanceof ProviderError;
}

/** Where in a user's file a problem is. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
  /** Field path such as `candidates[2].simulate.quality`. */
  path?: string;
}

/**
 * A problem with what the user wrote (suite, dataset, flags, environment). Exit code 2, raised
 * before any paid call. The message says what is wrong, where, and what to do.
 */
export class UserInputError extends Error {
  readonly location?: SourceLocation;
  readonly hint?: string;
  /** One line per problem when there are several, each with its own location. */
  readonly details: string[];
  readonly exitCode = 2;

  constructor(message: string, options: { location?: SourceLocation; hint?: string; details?: string[] } = {}) {
    super(message);
    this.name = 'UserInputError';
    this.location = options.location;
    this.hint = options.hint;
    this.details = options.details ?? [];
  }

  /** What a person reads: `file:line path: message`, one line per problem, then the hint. */
  format(): string {
    const where = formatLocation(this.location);
    const details = this.details.map((line) => `\n  ${line}`).join('');
    const hint = this.hint ? `\n  ${this.hint}` : '';
    return `${where ? `${where}: ` : ''}${this.message}${details}${hint}`;
  }
}

export function formatLocation(location: SourceLocation | undefined): string {
  if (!location) return '';
  let out = location.file;
  if (location.line !== undefined) out += `:${location.line}`;
  if (location.line !== undefined && location.column !== undefined) out += `:${location.column}`;
  if (location.path) out += ` ${location.path}`;
  return out;
}

export function isUserInputError(value: unknown): value is UserInputError {
  return value instanceof UserInputError;
}
