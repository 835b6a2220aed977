import { identify } from '.';

describe('identify (vitrine identity <value>)', () => {
  it('recognises each kind with its normalized value', () => {
    expect(identify('111.444.777-35')).toEqual({
      kind: 'cpf',
      valid: true,
      normalized: '11144477735',
      display: '111.444.777-35',
    });
    expect(identify('12.ABC.345/01DE-35')).toMatchObject({
      kind: 'cnpj',
      valid: true,
      normalized: '12ABC34501DE35',
    });
    expect(identify('12345678000195')).toMatchObject({ kind: 'cnpj', valid: true });
    expect(identify('(41) 99876-5432')).toMatchObject({
      kind: 'phone',
      valid: true,
      normalized: '+5541998765432',
      display: '+55 41 99876-5432',
    });
    expect(identify(' Ana@Gmail.com ')).toMatchObject({
      kind: 'email',
      valid: true,
      normalized: 'ana@gmail.com',
    });
  });

  it('an 11-digit string that passes the CPF check is a CPF; otherwise it may be a phone', () => {
    expect(identify('11144477735')).toMatchObject({ kind: 'cpf', valid: true });
    expect(identify('41998765432')).toMatchObject({ kind: 'phone', normalized: '+5541998765432' });
  });

  it('phone formatting wins over the CPF check', () => {
    // 41998765458 passes the CPF check digits and is also a valid Curitiba mobile.
    expect(identify('41998765458')).toMatchObject({ kind: 'cpf', valid: true });
    expect(identify('(41) 99876-5458')).toMatchObject({ kind: 'phone', normalized: '+5541998765458' });
    expect(identify('+55 41 99876-5458')).toMatchObject({ kind: 'phone' });
  });

  it('reports invalid documents as their kind, not as unknown', () => {
    expect(identify('111.444.777-36')).toEqual({ kind: 'cpf', valid: false, normalized: null });
    expect(identify('12.345.678/0001-96')).toEqual({ kind: 'cnpj', valid: false, normalized: null });
    expect(identify('joao@')).toEqual({ kind: 'email', valid: false, normalized: null });
  });

  it('flags relay e-mails and generic phones as weak', () => {
    expect(identify('x1y2@madeiramadeira.com.br')).toMatchObject({
      kind: 'email',
      weak: true,
      relay: 'madeiramadeira',
    });
    expect(identify('0800 123 4567')).toMatchObject({ kind: 'phone', weak: true });
  });

  it('reads a WhatsApp id written like an address as the phone it is', () => {
    expect(identify('554198765432@s.whatsapp.net')).toMatchObject({
      kind: 'phone',
      normalized: '+5541998765432',
    });
    expect(identify('whatsapp:+554198765432')).toMatchObject({ kind: 'phone', normalized: '+5541998765432' });
  });

  it('says unknown for anything else', () => {
    expect(identify('bom dia')).toEqual({ kind: 'unknown', valid: false, normalized: null });
    expect(identify('')).toEqual({ kind: 'unknown', valid: false, normalized: null });
    expect(identify('80010-000')).toMatchObject({ kind: 'unknown' });
  });
});
