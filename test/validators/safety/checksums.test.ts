import { describe, expect, it } from 'vitest';
import {
  expectedIbanLength,
  findCardBrand,
  isValidNanp,
  isValidSsn,
  passesIbanChecksum,
  passesLuhn,
} from '../../../src/validators/safety/checksums.js';
import { T } from './labelled-tokens.js';

describe('card checks', () => {
  it('accepts Luhn-valid numbers and rejects a changed digit', () => {
    expect(passesLuhn(T.visa)).toBe(true);
    expect(passesLuhn(T.visaBad)).toBe(false);
    expect(passesLuhn('79927398713')).toBe(true);
  });

  it('names the brand from prefix and length, and nothing for a wrong length', () => {
    expect(findCardBrand(T.visa)).toBe('visa');
    expect(findCardBrand(T.mc)).toBe('mastercard');
    expect(findCardBrand(T.mc2)).toBe('mastercard');
    expect(findCardBrand(T.amex)).toBe('amex');
    expect(findCardBrand(T.disc)).toBe('discover');
    expect(findCardBrand(T.amex + '0')).toBeUndefined();
    expect(findCardBrand('9' + T.visa.slice(1))).toBeUndefined();
  });
});

describe('IBAN checks', () => {
  it('knows country lengths', () => {
    expect(expectedIbanLength('DE')).toBe(22);
    expect(expectedIbanLength('NO')).toBe(15);
    expect(expectedIbanLength('ZZ')).toBeUndefined();
  });

  it('runs mod-97 on the rearranged number', () => {
    expect(passesIbanChecksum('DE89370400440532013000')).toBe(true);
    expect(passesIbanChecksum(T.ibanFR)).toBe(true);
    expect(passesIbanChecksum(T.ibanBad)).toBe(false);
  });
});

describe('SSA and NANP rules', () => {
  it('rejects SSN areas 000, 666, 9xx, group 00, serial 0000 and published numbers', () => {
    expect(isValidSsn('512', '48', '3391')).toBe(true);
    for (const [a, g, s] of [['000', '12', '3456'], ['666', '12', '3456'], ['912', '12', '3456'], ['512', '00', '3456'], ['512', '48', '0000'], ['078', '05', '1120'], ['987', '65', '4321']]) {
      expect(isValidSsn(a!, g!, s!)).toBe(false);
    }
  });

  it('rejects N11 codes, 0/1 leading digits and the fictional 555-01xx block', () => {
    expect(isValidNanp('415', '867', '2290')).toBe(true);
    expect(isValidNanp('411', '867', '2290')).toBe(false);
    expect(isValidNanp('415', '911', '2290')).toBe(false);
    expect(isValidNanp('115', '867', '2290')).toBe(false);
    expect(isValidNanp('415', '067', '2290')).toBe(false);
    expect(isValidNanp('212', '555', '0147')).toBe(false);
    expect(isValidNanp('212', '555', '1234')).toBe(true);
  });
});
