/** Payment cards (Luhn + brand), IBANs (country length + mod-97) and US SSNs (SSA rules). */
import { expectedIbanLength, findCardBrand, isExampleIban, isTestCard, isValidSsn, passesIbanChecksum, passesLuhn } from './checksums.js';
import { isIdentifierContext, onlyDigits, readBefore } from './text-scan.js';
import { createFinding, type Finding } from './types.js';

/** 12–19 digits, bare or in groups separated by one consistent space or dash. */
const CARD = /(?<![\w.,\/-])\d{4}(?:([ -]?)\d{2,6})(?:\1\d{1,6}){0,4}(?![\w]|[.,\/-]\d)/g;

/** Printed groupings: 4-4-4-4(-3), Amex 4-6-5, Diners 4-6-4, or none. */
function hasCardGrouping(candidate: string): boolean {
  const groups = candidate.split(/[ -]/).map((group) => group.length);
  if (groups.length === 1) return true;
  const shape = groups.join('-');
  return /^4-4-4-(?:4|4-3|1|2|3)$/.test(shape) || shape === '4-6-5' || shape === '4-6-4';
}

export function detectCards(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(CARD)) {
    const digits = onlyDigits(match[0]);
    if (digits.length < 12 || digits.length > 19 || !hasCardGrouping(match[0])) continue;
    const brand = findCardBrand(digits);
    if (!brand || !passesLuhn(digits) || isTestCard(digits)) continue;
    if (isIdentifierContext(text, match.index)) continue;
    findings.push(createFinding('credit_card', brand, text, match.index, match.index + match[0].length));
  }
  return findings;
}

/** Country code, check digits, then groups of four (spaced or not); trimmed to the country's length. */
const IBAN = /(?<![A-Za-z0-9])([A-Z]{2})(\d{2})((?: ?[A-Z0-9]){10,30})/g;

export function detectIbans(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(IBAN)) {
    const length = expectedIbanLength(match[1]!);
    if (!length) continue;
    // Walk the match keeping `length` alphanumerics; a following word in capitals is not part of it.
    let kept = 0;
    let end = match.index;
    const raw = match[0];
    for (let i = 0; i < raw.length && kept < length; i += 1) {
      if (raw[i] !== ' ') kept += 1;
      end = match.index + i + 1;
    }
    if (kept < length) continue;
    if (/[A-Za-z0-9]/.test(text[end] ?? '')) continue;
    const compact = text.slice(match.index, end).replace(/ /g, '');
    if (!passesIbanChecksum(compact) || isExampleIban(compact)) continue;
    findings.push(createFinding('iban', 'iban', text, match.index, end));
  }
  return findings;
}

const SSN = /(?<![\w.\/-])(\d{3})([- ]?)(\d{2})\2(\d{4})(?![\w]|[.\/-]\d)/g;
const SSN_CONTEXT = /(?:ssn|social security|social sec|ss#|ss no|taxpayer|tin|itin)\b[^.\n]{0,20}$/;

export function detectSsns(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(SSN)) {
    const [whole, area, separator, group, serial] = match;
    if (!isValidSsn(area!, group!, serial!)) continue;
    // Nine bare digits are anything (zip+4, ids): only with an SSN word before them.
    if (separator === '' && !SSN_CONTEXT.test(readBefore(text, match.index, 40))) continue;
    if (separator !== '' && isIdentifierContext(text, match.index)) continue;
    findings.push(createFinding('ssn', 'ssn', text, match.index, match.index + whole.length));
  }
  return findings;
}
