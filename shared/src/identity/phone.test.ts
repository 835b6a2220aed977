import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import fc from 'fast-check';
import { normalizePhone, normalizePhones, whatsappIdWithoutNinthDigit } from '.';

const e164 = (raw: string) => normalizePhone(raw)?.e164 ?? null;

describe('normalizePhone: what marketplaces and customers send', () => {
  it.each([
    ['11998887778 / ', '+5511998887778'], // MadeiraMadeira comprador.telefone
    ['+55 (41) 9 9876-5432', '+5541998765432'],
    ['(41) 99876-5432', '+5541998765432'],
    ['(041) 99876-5432', '+5541998765432'],
    ['41 998765432', '+5541998765432'],
    ['5541998765432', '+5541998765432'],
    ['+5541998765432', '+5541998765432'],
    ['(41) 3333-4444', '+554133334444'],
    ['41 3333 4444', '+554133334444'],
    ['+55 51 3333-4444', '+555133334444'],
    ['+1 415 555 2671', '+14155552671'],
    ['Tel: (11) 3333-4444', '+551133334444'],
    ['celular 41 99876-5432', '+5541998765432'],
    ['(11) 3333-4444 ramal 21', '+551133334444'],
  ])('%j → %s', (raw, expected) => {
    expect(e164(raw)).toBe(expected);
  });

  it('adds the ninth digit to old WhatsApp ids (12-digit wa_id) and 10-digit mobiles', () => {
    expect(e164('554198765432')).toBe('+5541998765432');
    expect(e164('+554198765432')).toBe('+5541998765432');
    expect(e164('4198765432')).toBe('+5541998765432');
    expect(e164('(11) 7123-4567')).toBe('+5511971234567');
  });

  it('never adds a 9 to a landline (10 digits, subscriber starting 2–5)', () => {
    for (const raw of ['4122223333', '554133334444', '(11) 4004-1234', '(21) 5555-1234']) {
      const phone = normalizePhone(raw);
      expect(phone?.type).toBe('fixed');
      expect(phone?.e164).toHaveLength(13);
    }
  });

  it('rejects placeholders and impossible numbers', () => {
    expect(normalizePhone('51 00000000')).toBeNull(); // SkyHub when the buyer gave none
    expect(normalizePhone('(20) 99876-5432')).toBeNull(); // no DDD 20
    expect(normalizePhone('(41) 89876-5432')).toBeNull(); // 11 digits must start with 9
    expect(normalizePhone('99876-5432')).toBeNull(); // no DDD
    expect(normalizePhone('')).toBeNull();
    expect(normalizePhone('telefone')).toBeNull();
  });

  it('types and displays numbers for agents', () => {
    expect(normalizePhone('41998765432')).toEqual({
      e164: '+5541998765432',
      type: 'mobile',
      display: '+55 41 99876-5432',
    });
    expect(normalizePhone('4133334444')).toEqual({
      e164: '+554133334444',
      type: 'fixed',
      display: '+55 41 3333-4444',
    });
  });

  it('marks numbers that identify nobody as weak', () => {
    expect(normalizePhone('(11) 99999-9999')?.weak).toBe(true);
    expect(normalizePhone('(11) 91234-5678')?.weak).toBe(true);
    expect(normalizePhone('0800 123 4567')).toMatchObject({ weak: true, type: 'unknown' });
    expect(normalizePhone('4003-4848')).toMatchObject({ weak: true });
    expect(normalizePhone('(41) 99876-5432')?.weak).toBeUndefined();
  });

  it('reads every number of a multi-number field', () => {
    expect(normalizePhones('11998887778 / 1133334444').map((p) => p.e164)).toEqual([
      '+5511998887778',
      '+551133334444',
    ]);
    expect(e164('51 00000000 / 51 3333-4444')).toBe('+555133334444');
  });

  it('gives back the 12-digit WhatsApp id of a mobile, for accounts registered without the 9', () => {
    expect(whatsappIdWithoutNinthDigit('+5541998765432')).toBe('554198765432');
    expect(whatsappIdWithoutNinthDigit('+554133334444')).toBeNull();
  });

  // Geographic numbers take a hand-written fast path; it must say exactly what the metadata says.
  it('agrees with libphonenumber-js on every DDD + subscriber shape (fast path check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 99 }), fc.stringMatching(/^[0-9]{8,9}$/), (ddd, subscriber) => {
        fc.pre(ddd !== 90); // 90 is a carrier-selection prefix, not a DDD: libphonenumber-js handles it
        const national = `${ddd}${subscriber}`;
        const ours = normalizePhone(national);
        let expectedNational = national;
        if (national.length === 10 && national.charCodeAt(2) >= 54) {
          expectedNational = national.slice(0, 2) + '9' + national.slice(2);
        }
        const lib = parsePhoneNumberFromString(expectedNational, 'BR');
        const libValid = lib !== undefined && lib.isValid() && lib.nationalNumber === expectedNational;
        if (!libValid) {
          expect(ours).toBeNull();
        } else {
          expect(ours?.e164).toBe(lib.number);
          const libType = lib.getType();
          expect(ours?.type).toBe(
            libType === 'MOBILE' ? 'mobile' : libType === 'FIXED_LINE' ? 'fixed' : 'unknown',
          );
        }
      }),
      { numRuns: 3000 },
    );
  });
});
