import fc from 'fast-check';
import {
  extractIdentifiers,
  identify,
  normalizeCnpj,
  normalizeCpf,
  normalizeEmail,
  normalizeOrderNumber,
  normalizePhone,
} from '.';

/** Arbitrary strings, plus strings built from the characters identifiers are made of. */
const messy = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.stringMatching(/^[0-9 ().+\-/@a-zA-Z]{0,30}$/),
  fc.stringMatching(/^\+?[0-9]{8,14}$/),
);

describe('normalizers on arbitrary input', () => {
  it('never throw', () => {
    fc.assert(
      fc.property(messy, (s) => {
        normalizeCpf(s);
        normalizeCnpj(s);
        normalizePhone(s);
        normalizeEmail(s);
        normalizeOrderNumber(s);
        normalizeOrderNumber(s, 'americanas');
        identify(s);
        extractIdentifiers(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('are idempotent: normalizing a normalized value gives it back', () => {
    fc.assert(
      fc.property(messy, (s) => {
        const cpf = normalizeCpf(s);
        if (cpf !== null) expect(normalizeCpf(cpf)).toBe(cpf);
        const cnpj = normalizeCnpj(s);
        if (cnpj !== null) expect(normalizeCnpj(cnpj)).toBe(cnpj);
        const phone = normalizePhone(s);
        if (phone !== null) expect(normalizePhone(phone.e164)).toEqual(phone);
        const email = normalizeEmail(s);
        if (email !== null) expect(normalizeEmail(email.email)).toEqual(email);
        for (const hint of [undefined, 'americanas', 'mercadolivre']) {
          const order = normalizeOrderNumber(s, hint);
          if (order !== null) {
            expect(normalizeOrderNumber(order.normalized, hint)?.normalized).toBe(order.normalized);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('extracted values are already normalized', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(
              'pedido',
              'CPF',
              'zap',
              'cnpj',
              'tel',
              'R$',
              'CEP',
              'e-mail',
              '@',
              'pack',
              '-',
              '/',
              '(41)',
            ),
            fc.stringMatching(/^[0-9.\-/ ]{1,16}$/),
            fc.string({ maxLength: 12 }),
          ),
          { maxLength: 12 },
        ),
        (parts) => {
          const found = extractIdentifiers(parts.join(' '));
          for (const p of found.phones) expect(normalizePhone(p)?.e164).toBe(p);
          for (const d of found.documents) expect(normalizeCpf(d) ?? normalizeCnpj(d)).toBe(d);
          for (const e of found.emails) expect(normalizeEmail(e)?.email).toBe(e);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
