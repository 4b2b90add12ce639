/**
 * Keeps credentials out of what a call returns. Some providers and gateways echo the key they
 * rejected ("Incorrect API key provided: sk-…"); that message would otherwise reach
 * attempts.jsonl, the cache and the reports. Every secret the call sent is replaced wherever it
 * appears in an error message.
 */
import { ProviderError } from '../core/errors.js';

const REDACTED = '[redacted]';

/** The values worth hiding: each header value, and the token after a `Bearer ` scheme. */
export function collectSecretValues(secretHeaders: Record<string, string>): string[] {
  const values = new Set<string>();
  for (const value of Object.values(secretHeaders)) {
    if (value.length >= 8) values.add(value);
    const token = /^bearer\s+(.+)$/i.exec(value)?.[1];
    if (token && token.length >= 8) values.add(token);
  }
  return [...values].sort((left, right) => right.length - left.length);
}

export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

/** The same error with every secret removed from its message (partial model output is left as data). */
export function redactProviderError(error: ProviderError, secrets: readonly string[]): ProviderError {
  const message = redactSecrets(error.info.message, secrets);
  if (message === error.info.message) return error;
  return new ProviderError({ ...error.info, message }, error.partialOutput);
}
