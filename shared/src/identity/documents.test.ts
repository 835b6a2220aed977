import { formatCnpj, formatCpf, isValidCnpj, isValidCpf, normalizeCnpj, normalizeCpf } from '.';

describe('CPF', () => {
  it('accepts the reference vector with and without the mask', () => {
    expect(isValidCpf('111.444.777-35')).toBe(true);
    expect(normalizeCpf('111.444.777-35')).toBe('11144477735');
    expect(normalizeCpf(' 11144477735 ')).toBe('11144477735');
  });

  it('rejects a wrong check digit, repeated digits and wrong lengths', () => {
    expect(isValidCpf('111.444.777-36')).toBe(false);
    expect(isValidCpf('111.444.777-53')).toBe(false);
    for (let d = 0; d <= 9; d++) expect(isValidCpf(String(d).repeat(11))).toBe(false);
    expect(normalizeCpf('1114447773')).toBeNull();
    expect(normalizeCpf('111444777351')).toBeNull();
  });

  it('does not read a CPF out of surrounding text (that is the extractor’s job)', () => {
    expect(normalizeCpf('CPF 111.444.777-35')).toBeNull();
    expect(normalizeCpf('111.444.777-35x')).toBeNull();
  });

  it('formats with the usual mask', () => {
    expect(formatCpf('11144477735')).toBe('111.444.777-35');
    expect(formatCpf('not a cpf')).toBe('not a cpf');
  });
});

describe('CNPJ', () => {
  it('accepts the numeric reference vector', () => {
    expect(isValidCnpj('12.345.678/0001-95')).toBe(true);
    expect(normalizeCnpj('12.345.678/0001-95')).toBe('12345678000195');
  });

  it('accepts the 2026 alphanumeric CNPJ (IN RFB 2.229/2024), in any case', () => {
    expect(isValidCnpj('12.ABC.345/01DE-35')).toBe(true);
    expect(normalizeCnpj('12ABC34501DE35')).toBe('12ABC34501DE35');
    expect(normalizeCnpj('12.abc.345/01de-35')).toBe('12ABC34501DE35');
  });

  it('rejects wrong check digits, letters in the check digits and repeated characters', () => {
    expect(isValidCnpj('12.345.678/0001-96')).toBe(false);
    expect(isValidCnpj('12.ABC.345/01DE-36')).toBe(false);
    expect(isValidCnpj('12.ABC.345/01DE-3A')).toBe(false);
    expect(isValidCnpj('00.000.000/0000-00')).toBe(false);
    expect(isValidCnpj('AAAAAAAAAAAAAA')).toBe(false);
    expect(isValidCnpj('12.345.678/0001')).toBe(false);
  });

  it('formats numeric and alphanumeric CNPJs with the usual mask', () => {
    expect(formatCnpj('12345678000195')).toBe('12.345.678/0001-95');
    expect(formatCnpj('12abc34501de35')).toBe('12.ABC.345/01DE-35');
  });
});
