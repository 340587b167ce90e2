import { describe, expect, it } from 'vitest';
import { compactNumber, isValidCvr, isValidEan, isValidSlug, slugFrom } from '../src/validation/danish-ids.ts';

describe('CVR (modulus 11)', () => {
  it.each(['10150817', '25313763', '11223346', '44556677'])('accepts %s', (cvr) => {
    expect(isValidCvr(cvr)).toBe(true);
  });
  it.each([
    ['11223344', 'wrong check'],
    ['10150818', 'last digit changed'],
    ['1015081', 'seven digits'],
    ['101508170', 'nine digits'],
    ['1015O817', 'a letter O'],
    ['', 'empty'],
  ])('refuses %s (%s)', (cvr) => {
    expect(isValidCvr(cvr)).toBe(false);
  });
});

describe('EAN location number (GS1 mod 10)', () => {
  it.each(['5798009174000', '5798000000018', '4006381333931'])('accepts %s', (ean) => {
    expect(isValidEan(ean)).toBe(true);
  });
  it.each([
    ['5798009174001', 'check digit off by one'],
    ['5798000000013', 'wrong check digit'],
    ['579800917400', 'twelve digits'],
    ['57980091740000', 'fourteen digits'],
  ])('refuses %s (%s)', (ean) => {
    expect(isValidEan(ean)).toBe(false);
  });
});

describe('slugs', () => {
  it.each(['frederiksberg', 'recovery-lab', 'a', 'k2'])('accepts %s', (slug) => expect(isValidSlug(slug)).toBe(true));
  it.each(['-lab', 'lab-', 'Lab', 'æble', 'two words', 'x'.repeat(51)])('refuses %s', (slug) =>
    expect(isValidSlug(slug)).toBe(false),
  );
  it('suggests a valid slug from a Danish name', () => {
    expect(slugFrom('Hillerød Kommune')).toBe('hilleroed-kommune');
    expect(slugFrom('  Ærø & Århus — Peers! ')).toBe('aeroe-aarhus-peers');
    expect(isValidSlug(slugFrom('x'.repeat(80)))).toBe(true);
  });
  it('reads numbers typed with spaces or dots', () => expect(compactNumber('11 22.33-46')).toBe('11223346'));
});
