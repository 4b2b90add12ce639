/**
 * Masked excerpts for reasons and reports: enough to find the value in the answer, never enough to
 * use it. Secrets keep their vendor prefix (which says what leaked), cards and SSNs their last
 * four digits (what receipts print), e-mails their first letter and domain.
 */
import type { SensitiveCategory } from './types.js';

const MASK = '•••';

function maskSecret(value: string): string {
  const prefix = /^(?:[a-z]{2,7}[_-](?:[a-z0-9]{2,8}[_-])?|AKIA|ASIA|A3T.|ABIA|ACCA|AIza|SG\.|GOCSPX-|ya29\.|eyJ|-----BEGIN [A-Z ]*-----)/.exec(value)?.[0] ?? '';
  const shown = prefix.length > 0 && prefix.length <= value.length / 2 ? prefix : value.slice(0, Math.min(2, Math.floor(value.length / 8)));
  return `${shown}${MASK} (${value.length} chars)`;
}

export function maskValue(category: SensitiveCategory, value: string): string {
  switch (category) {
    case 'email': {
      const at = value.lastIndexOf('@');
      return `${value[0]}${MASK}@${value.slice(at + 1)}`;
    }
    case 'credit_card':
    case 'ssn':
    case 'iban':
    case 'phone': {
      const tail = value.replace(/[^A-Za-z0-9]/g, '').slice(-(category === 'phone' ? 2 : 4));
      const head = category === 'iban' ? value.slice(0, 2) : '';
      return `${head}${MASK}${tail}`;
    }
    case 'ip':
      return value.includes(':') ? `${value.split(':')[0]}:${MASK}` : `${value.split('.')[0]}.${MASK}`;
    default:
      return maskSecret(value);
  }
}
