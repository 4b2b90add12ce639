/** E-mail addresses and phone numbers (NANP with its numbering rules, international in + form). */
import { isValidNanp } from './checksums.js';
import { isAcceptedTld, isPlaceholderEmail } from './placeholders.js';
import { isIdentifierContext, onlyDigits, readBefore } from './text-scan.js';
import { createFinding, type Finding } from './types.js';

const EMAIL = /[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+([A-Za-z]{2,24}))(?![A-Za-z0-9-])/g;

/** `https://user:pass@host`, `ssh://git@host`: user-info of a URL, not an address. */
const URL_USER_INFO_BEFORE = /[a-z][a-z0-9+.-]*:\/\/[^\s/@]*$/i;

export function detectEmails(text: string): Finding[] {
  const findings: Finding[] = [];
  if (!text.includes('@')) return findings;
  for (const match of text.matchAll(EMAIL)) {
    const start = match.index;
    const end = start + match[0].length;
    const at = match[0].indexOf('@');
    const local = match[0].slice(0, at);
    const domain = match[1]!;
    if (!isAcceptedTld(match[2]!)) continue;
    if (URL_USER_INFO_BEFORE.test(text.slice(Math.max(0, start - 200), start))) continue;
    // git@github.com:org/repo.git — an SSH remote, the "user" is the transport.
    if (text[end] === ':' && /^[\w.~-]+\//.test(text.slice(end + 1, end + 120))) continue;
    if (isPlaceholderEmail(local, domain)) continue;
    findings.push(createFinding('email', 'email', text, start, end));
  }
  return findings;
}

/** 10-digit NANP with optional +1 and separators: (212) 555-0123, 212.555.0123, +1 212 555 0123. */
const NANP =
  /(?<![\w+.\/-])(\+?1[\s.-]?)?(?:\(\s*(\d{3})\s*\)\s?|(\d{3})([\s.-]?))(\d{3})([\s.-]?)(\d{4})(?![\w]|[.\/-]\d)/g;

/** + country code and 7–14 more digits in groups: +44 20 7946 0958, +49 (0)30 901820. */
const INTERNATIONAL = /(?<![\w+])\+([2-9]\d{0,2})((?:[\s.-]?(?:\(0\))?[\s.-]?\(?\d{1,5}\)?){2,6})(?![\w]|[.\/-]\d)/g;

const TOLL_FREE = new Set(['800', '833', '844', '855', '866', '877', '888']);

/** Words that make an unformatted 10-digit run a phone number. */
const PHONE_CONTEXT = /(?:phone|tel|telephone|mobile|cell|fax|call|text|sms|whatsapp|signal|contact|reach)\b[^.\n]{0,20}$/;

/** Ofcom drama ranges and ACMA fiction ranges, written internationally. */
const FICTIONAL_INTERNATIONAL = [/^4420794600\d\d$/, /^44207946\d{4}$/, /^447700900\d{3}$/, /^44(?:113|114|115|116|117|118|121|131|141|151|161)4960\d{3}$/, /^61491570\d{3}$/, /^61255501\d{3}$/];

export function detectPhones(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(NANP)) {
    const [whole, country, parenArea, bareArea, firstSep = '', exchange, secondSep = '', line] = match;
    const area = parenArea ?? bareArea!;
    if (!isValidNanp(area, exchange!, line!)) continue;
    if (TOLL_FREE.has(area)) continue; // a business line, not a person's
    const formatted = parenArea !== undefined ? secondSep !== '' || whole.includes(') ') : firstSep !== '' && secondSep !== '';
    const unformatted = parenArea === undefined && firstSep === '' && secondSep === '';
    if (!formatted && !unformatted) continue; // 212-5550123 style mixes: more likely an identifier
    if (unformatted && !country && !PHONE_CONTEXT.test(readBefore(text, match.index, 40))) continue;
    if (isIdentifierContext(text, match.index)) continue;
    findings.push(createFinding('phone', 'nanp', text, match.index, match.index + whole.length));
  }
  for (const match of text.matchAll(INTERNATIONAL)) {
    const digits = onlyDigits(match[0].replace('(0)', ''));
    if (match[1] === '1' || digits.length < 9 || digits.length > 15) continue;
    if (FICTIONAL_INTERNATIONAL.some((pattern) => pattern.test(digits))) continue;
    if (isIdentifierContext(text, match.index)) continue;
    findings.push(createFinding('phone', 'international', text, match.index, match.index + match[0].length));
  }
  return findings;
}
