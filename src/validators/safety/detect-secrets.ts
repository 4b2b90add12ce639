/**
 * Secrets: vendor formats (secret-rules.ts), PEM private keys, secret-named assignments
 * (`OPENAI_API_KEY=…`, `"password": "…"`), bearer tokens and passwords in connection URLs.
 * Every candidate must look random and carry no placeholder marker.
 */
import { isPlaceholderSecret } from './placeholders.js';
import { measureEntropy } from './text-scan.js';
import { PUBLIC_SAMPLE_TOKENS, SECRET_RULES } from './secret-rules.js';
import { createFinding, type Finding } from './types.js';

export function detectVendorSecrets(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const rule of SECRET_RULES) {
    if (!rule.keywords.some((keyword) => text.includes(keyword))) continue;
    for (const match of text.matchAll(rule.pattern)) {
      const body = match[1] ?? match[0];
      if (isPlaceholderSecret(match[0], body, rule.minEntropy ?? 3)) continue;
      if (PUBLIC_SAMPLE_TOKENS.some((token) => match[0].includes(token))) continue;
      findings.push(createFinding(rule.category, rule.id, text, match.index, match.index + match[0].length));
    }
  }
  return findings;
}

const PRIVATE_KEY = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY(?: BLOCK)?-----([\s\S]*?)(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g;

export function detectPrivateKeys(text: string): Finding[] {
  const findings: Finding[] = [];
  if (!text.includes('PRIVATE KEY')) return findings;
  for (const match of text.matchAll(PRIVATE_KEY)) {
    // Headers (`Proc-Type: …`), escaped newlines of keys embedded in JSON, then the base64 body.
    const body = match[2]!.replace(/^[A-Za-z-]+: .*$/gm, '').replace(/\\n|\s+/g, '');
    // `MIIEvQ...` or `<your key>` is an illustration; a real key body is hundreds of random base64 chars.
    if (body.length < 64 || !/^[A-Za-z0-9+/=]+$/.test(body) || measureEntropy(body) < 4.5 || /(.)\1{7,}/.test(body)) continue;
    findings.push(createFinding('private_key', 'pem-private-key', text, match.index, match.index + match[0].length));
  }
  return findings;
}

/** Names that hold a secret: they END with one of these words (so `tokenizer`, `max_tokens` do not). */
const SECRET_NAME =
  /(?:api[_-]?key|apikey|secret|secret[_-]?key|secret[_-]?access[_-]?key|access[_-]?key|private[_-]?key|key[_-]?base|token|passw(?:or)?d|pwd|passphrase|credentials?|signing[_-]?key|encryption[_-]?key|master[_-]?key)$/i;
const NOT_SECRET_NAME = /(?:page|next|cursor|continuation|sync|csrf|xsrf|max|num|total|count|input|output|completion|prompt|reasoning|cached|public|publishable|anon)[_-]?(?:tokens?|key)$|(?:_id|Id)$/i;

const ASSIGNMENT =
  /(?<![A-Za-z0-9_])([A-Za-z_][A-Za-z0-9_.-]{1,60})(["']?)\s*(?:=|:=|=>|:)\s*(["'`]?)([^\s"'`,;)}\]<>]{8,300})\3/g;

/** Values that are code or configuration references, not secrets. */
const REFERENCE =
  /^(?:process\.env|os\.environ|os\.getenv|getenv|env\(|ENV\[|System\.getenv|config\.|settings\.|self\.|this\.|req\.|request\.|import\.meta|secrets\.|vars\.|Deno\.env|\$|%|@|&)/;
const IDENTIFIER_PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*(?:\(.*)?$/;
/** Passwords models use as examples: letters built only from these words, digits and punctuation aside. */
const WEAK_EXAMPLE =
  /^(?:password|passwd|pass|secret|super|admin|root|postgres|mysql|mongo|redis|qwerty|letmein|hunter|test|demo|default|local|dev|changeit|welcome|guest|user|token|key|api|my|your|the|strong|pwd|db|app|abc|xyz|foo|bar|baz|s3cr3t|p4ssw0rd|passw0rd)+$/;

function isSecretValue(value: string): boolean {
  if (REFERENCE.test(value)) return false;
  // Identifiers without digits (`API_KEY`, `getToken()`, `settings.apiKey`) are names, not values.
  if (IDENTIFIER_PATH.test(value) && !/\d/.test(value)) return false;
  if (/^[A-Z][A-Z0-9_]*_[A-Z0-9_]*$/.test(value)) return false;
  if (/^\d+(?:\.\d+)*$/.test(value) || /^(?:true|false|null|none|nil|undefined)$/i.test(value)) return false;
  if (WEAK_EXAMPLE.test(value.toLowerCase().replace(/[^a-z0-9]/g, '').replace(/\d+$/g, ''))) return false;
  return !isPlaceholderSecret(value, value, 3);
}

export function detectAssignedSecrets(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(ASSIGNMENT)) {
    const name = match[1]!;
    if (!SECRET_NAME.test(name) || NOT_SECRET_NAME.test(name)) continue;
    const value = match[4]!;
    if (!isSecretValue(value)) continue;
    const start = match.index + match[0].length - value.length - match[3]!.length;
    const isAws = /aws|secret[_-]?access[_-]?key/i.test(name) && /^[A-Za-z0-9/+]{40}$/.test(value);
    findings.push(createFinding(isAws ? 'aws_key' : 'api_key', isAws ? 'aws-secret-access-key' : 'secret-assignment', text, start, start + value.length));
  }
  return findings;
}

/** "The admin password is `Tr0ub4dor&3x!`": a secret named in prose, quoted. */
const PROSE_SECRET = /\b(?:password|passphrase|passcode|secret|token|api[ _-]?key|access key|secret key)\s+(?:is|was|would be|=)\s*:?\s*([`'"])([^\s`'"]{8,200})\1/gi;

export function detectProseSecrets(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(PROSE_SECRET)) {
    const value = match[2]!;
    if (!isSecretValue(value)) continue;
    const start = match.index + match[0].length - value.length - 1;
    findings.push(createFinding('api_key', 'secret-in-prose', text, start, start + value.length));
  }
  return findings;
}

const BEARER = /\b(?:Bearer|Token)\s+([A-Za-z0-9._~+/-]{20,}=*)/g;
const URL_CREDENTIALS = /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:([^\s/@]{6,})@[^\s/]+/gi;

export function detectInlineCredentials(text: string): Finding[] {
  const findings: Finding[] = detectProseSecrets(text);
  for (const match of text.matchAll(BEARER)) {
    const token = match[1]!;
    if (isPlaceholderSecret(token, token, 3.5)) continue;
    const start = match.index + match[0].length - token.length;
    findings.push(createFinding('api_key', 'bearer-token', text, start, start + token.length));
  }
  if (!text.includes('://')) return findings;
  for (const match of text.matchAll(URL_CREDENTIALS)) {
    const password = match[1]!;
    if (!isSecretValue(password)) continue;
    const start = match.index + match[0].indexOf(`:${password}@`) + 1;
    findings.push(createFinding('api_key', 'url-password', text, start, start + password.length));
  }
  return findings;
}
