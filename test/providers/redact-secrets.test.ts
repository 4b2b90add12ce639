import { describe, expect, it } from 'vitest';
import { createProviderError } from '../../src/core/errors.js';
import { collectSecretValues, redactProviderError, redactSecrets } from '../../src/providers/redact-secrets.js';

describe('redactSecrets', () => {
  const secrets = collectSecretValues({ authorization: 'Bearer sk-abc123def456', 'x-api-key': 'anthropic-key-0001', 'x-tiny': 'short' });

  it('hides header values and bearer tokens, longest first, and leaves short values alone', () => {
    expect(secrets).toEqual(['Bearer sk-abc123def456', 'anthropic-key-0001', 'sk-abc123def456']);
    expect(redactSecrets('Incorrect API key provided: sk-abc123def456 (twice: sk-abc123def456)', secrets)).toBe(
      'Incorrect API key provided: [redacted] (twice: [redacted])',
    );
    expect(redactSecrets('header was Bearer sk-abc123def456; short stays', secrets)).toBe('header was [redacted]; short stays');
  });

  it('keeps the classification of an error and its partial output', () => {
    const error = createProviderError('auth', 'bad key anthropic-key-0001', { status: 401, providerCode: 'authentication_error' }, 'partial text');
    const redacted = redactProviderError(error, secrets);
    expect(redacted.info).toEqual({ ...error.info, message: 'bad key [redacted]' });
    expect(redacted.partialOutput).toBe('partial text');
    const clean = createProviderError('rate_limited', 'slow down');
    expect(redactProviderError(clean, secrets)).toBe(clean);
  });
});
