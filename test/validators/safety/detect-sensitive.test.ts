import { describe, expect, it } from 'vitest';
import { detectRefusal, detectSensitive, maskValue, SENSITIVE_CATEGORIES } from '../../../src/validators/safety/index.js';
import { T } from './labelled-tokens.js';

describe('detectSensitive', () => {
  it('returns category, offsets and the exact value, in text order', () => {
    const text = `mail ana.ruiz@protonmail.com or call (415) 867-2290; key ${T.ghp}`;
    const findings = detectSensitive(text);
    expect(findings.map((finding) => finding.category)).toEqual(['email', 'phone', 'github_token']);
    for (const finding of findings) expect(text.slice(finding.start, finding.end)).toBe(finding.value);
    expect(findings[2]!.value).toBe(T.ghp);
  });

  it('keeps the most specific finding when detectors overlap', () => {
    const findings = detectSensitive(`OPENAI_API_KEY="${T.openaiLegacy}"`);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.rule).toBe('openai-legacy');
  });

  it('reports only the categories asked for', () => {
    const text = `ana.ruiz@protonmail.com ${T.visa}`;
    expect(detectSensitive(text, { categories: ['credit_card'] }).map((finding) => finding.category)).toEqual(['credit_card']);
  });

  it('skips allowed values', () => {
    expect(detectSensitive('write to help@northwind-logistics.com', { allow: ['help@northwind-logistics.com'] })).toEqual([]);
  });

  it('reports private addresses only when asked', () => {
    expect(detectSensitive('db at 10.20.30.40')).toEqual([]);
    expect(detectSensitive('db at 10.20.30.40', { includePrivateIps: true })[0]?.value).toBe('10.20.30.40');
  });

  it('finds every vendor secret family named in the issue', () => {
    const vendors = [T.stripe, T.openai, T.anthropic, T.slack, T.google, T.sendgrid, T.gitlab, T.npm, T.hf];
    for (const secret of vendors) {
      const findings = detectSensitive(`token: ${secret}`);
      expect(findings.map((finding) => finding.value), secret.slice(0, 8)).toEqual([secret]);
      expect(findings[0]!.category).toBe('api_key');
    }
  });

  it('does not fire on placeholders and redactions of any secret family', () => {
    const placeholders = ['sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'ghp_<your-token>', 'AKIAIOSFODNN7EXAMPLE', 'sk_live_REDACTED_REDACTED_1234', 'xoxb-000000000000-0000000000000-xxxxxxxxxxxxxxxxxxxxxxxx', 'API_KEY=${OPENAI_API_KEY}', 'token: {{ .Values.token }}', 'password: changeme'];
    for (const text of placeholders) expect(detectSensitive(text), text).toEqual([]);
  });

  it('lists the ten categories of the issue', () => {
    expect([...SENSITIVE_CATEGORIES].sort()).toEqual(['api_key', 'aws_key', 'credit_card', 'email', 'github_token', 'iban', 'ip', 'phone', 'private_key', 'ssn']);
  });
});

describe('maskValue', () => {
  it('never returns the whole value, and keeps what identifies it', () => {
    const cases: Array<[Parameters<typeof maskValue>[0], string]> = [
      ['email', 'dana.whitfield@northwind-logistics.com'], ['credit_card', T.visa], ['ssn', '512-48-3391'],
      ['iban', T.ibanDE], ['phone', '(415) 867-2290'], ['ip', '185.220.101.47'], ['api_key', T.anthropic],
      ['github_token', T.ghp], ['aws_key', T.aws], ['private_key', `-----BEGIN PRIVATE KEY-----\n${T.pem}`],
    ];
    for (const [category, value] of cases) {
      const masked = maskValue(category, value);
      expect(masked).not.toContain(value);
      expect(masked.length).toBeLessThan(Math.max(value.length, 24));
    }
    expect(maskValue('credit_card', T.visa)).toMatch(/7346$/);
    expect(maskValue('api_key', T.stripe)).toMatch(/^sk_live_/);
  });
});

describe('detectRefusal', () => {
  it('gives the declining sentence as the reason', () => {
    expect(detectRefusal("I'm sorry, but I can't help with that. Please ask something else.")).toEqual({
      refusal: true,
      reason: "I'm sorry, but I can't help with that.",
    });
  });

  it('ignores reasoning blocks and declines that come late in a long answer', () => {
    expect(detectRefusal('<think>I cannot help with that? No, this is fine.</think>Here is the code: `x = 1`').refusal).toBe(false);
    const essay = `${'Refusal rates vary by model and prompt. '.repeat(12)}A typical refusal reads: I can't help with that.`;
    expect(detectRefusal(essay).refusal).toBe(false);
  });
});
