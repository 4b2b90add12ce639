/**
 * Validity checks the serious detectors use (Presidio, gitleaks, python-stdnum): Luhn with card
 * brand prefixes and lengths, IBAN country lengths with ISO 7064 mod-97, SSA rules for SSNs and
 * NANP rules for North American numbers.
 */

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

interface CardBrand {
  name: string;
  /** Inclusive prefix ranges, compared on the same number of leading digits. */
  ranges: Array<[number, number]>;
  lengths: number[];
}

const CARD_BRANDS: CardBrand[] = [
  { name: 'visa', ranges: [[4, 4]], lengths: [13, 16, 19] },
  { name: 'mastercard', ranges: [[51, 55], [2221, 2720]], lengths: [16] },
  { name: 'amex', ranges: [[34, 34], [37, 37]], lengths: [15] },
  { name: 'discover', ranges: [[6011, 6011], [644, 649], [65, 65], [622126, 622925]], lengths: [16, 17, 18, 19] },
  { name: 'jcb', ranges: [[3528, 3589]], lengths: [16, 17, 18, 19] },
  { name: 'diners', ranges: [[300, 305], [36, 36], [38, 39]], lengths: [14, 15, 16, 17, 18, 19] },
  { name: 'unionpay', ranges: [[62, 62]], lengths: [16, 17, 18, 19] },
  { name: 'maestro', ranges: [[5018, 5018], [5020, 5020], [5038, 5038], [5893, 5893], [6304, 6304], [6759, 6759], [6761, 6763]], lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
  { name: 'mir', ranges: [[2200, 2204]], lengths: [16, 17, 18, 19] },
];

/** The brand whose prefix and length fit, or undefined. */
export function findCardBrand(digits: string): string | undefined {
  for (const brand of CARD_BRANDS) {
    if (!brand.lengths.includes(digits.length)) continue;
    for (const [low, high] of brand.ranges) {
      const prefix = Number(digits.slice(0, String(low).length));
      if (prefix >= low && prefix <= high) return brand.name;
    }
  }
  return undefined;
}

/** Card numbers printed in every payment provider's docs (Stripe, Adyen, Braintree, PayPal test cards). */
const TEST_CARDS = new Set([
  '4111111111111111', '4242424242424242', '4000056655665556', '4012888888881881', '4222222222222',
  '4000000000000002', '4000000000009995', '4000000000000077', '4000002500003155', '4000000000003220',
  '5555555555554444', '5200828282828210', '5105105105105100', '2223003122003222', '5431111111111111',
  '378282246310005', '371449635398431', '378734493671000', '6011111111111117', '6011000990139424',
  '3056930009020004', '36227206271667', '30569309025904', '38520000023237', '3566002020360505',
  '3530111333300000', '6200000000000005', '6759649826438453', '4917610000000000', '4035501000000008',
]);

export function isTestCard(digits: string): boolean {
  return TEST_CARDS.has(digits);
}

/** IBAN length per country (ISO 13616 registry, SWIFT release 2024). */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28, CH: 21,
  CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18,
  FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23,
  IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27,
  MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28, NL: 18, NO: 15, OM: 23, PK: 24, PL: 28,
  PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27,
  SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

export function expectedIbanLength(country: string): number | undefined {
  return IBAN_LENGTHS[country];
}

/** ISO 7064 mod 97-10 on the rearranged IBAN, computed piecewise so it never leaves safe integers. */
export function passesIbanChecksum(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    if (value < 0 || value > 35) return false;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

/** IBANs quoted in bank and standards documentation (ECBS, Wikipedia, SWIFT registry examples). */
const EXAMPLE_IBANS = new Set([
  'DE89370400440532013000', 'GB82WEST12345698765432', 'GB29NWBK60161331926819', 'GB33BUKB20201555555555',
  'FR1420041010050500013M02606', 'FR7630006000011234567890189', 'NL91ABNA0417164300', 'ES9121000418450200051332',
  'IT60X0542811101000000123456', 'CH9300762011623852957', 'BE68539007547034', 'AT611904300234573201',
  'CH5604835012345678009', 'DE75512108001245126199', 'NO9386011117947', 'SE4550000000058398257466',
]);

export function isExampleIban(iban: string): boolean {
  return EXAMPLE_IBANS.has(iban);
}

/**
 * SSA rules: area 001–899 except 666, group 01–99, serial 0001–9999; plus numbers the SSA or
 * advertisers made public (Woolworth's 078-05-1120, the 987-65-432x advertising block, 123-45-6789).
 */
export function isValidSsn(area: string, group: string, serial: string): boolean {
  const areaNumber = Number(area);
  if (areaNumber === 0 || areaNumber === 666 || areaNumber >= 900) return false;
  if (group === '00' || serial === '0000') return false;
  const whole = `${area}${group}${serial}`;
  if (whole === '078051120' || whole === '219099999' || whole === '123456789') return false;
  if (whole.startsWith('98765432')) return false;
  return true;
}

/**
 * NANP: area code and exchange start 2–9 and are not N11 service codes; area codes with 9 in the
 * middle are reserved and 555 is not an area code. 555-0100…0199 is the fictional range.
 */
export function isValidNanp(area: string, exchange: string, line: string): boolean {
  if (area[0] === '0' || area[0] === '1' || exchange[0] === '0' || exchange[0] === '1') return false;
  if (area[1] === '1' && area[2] === '1') return false;
  if (exchange[1] === '1' && exchange[2] === '1') return false;
  if (area[1] === '9' || area === '555') return false;
  if (exchange === '555' && line.startsWith('01')) return false;
  return true;
}
