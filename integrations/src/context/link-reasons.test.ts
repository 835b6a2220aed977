import { parseLinkReasons } from './link-reasons';

describe('duplicate link reasons', () => {
  it('reads the reasons the linker writes, joined by semicolons', () => {
    expect(parseLinkReasons('mesmo pedido 7001234; mesmo telefone +55 41 99876-5432')).toEqual([
      { kind: 'order', value: '7001234' },
      { kind: 'phone', value: '+55 41 99876-5432' },
    ]);
  });

  it('reads CPF, CNPJ and e-mail reasons', () => {
    expect(
      parseLinkReasons('mesmo CPF 529.982.247-25; mesmo CNPJ 11.222.333/0001-81; mesmo e-mail a@b.com.br'),
    ).toEqual([
      { kind: 'document', value: '529.982.247-25' },
      { kind: 'document', value: '11.222.333/0001-81' },
      { kind: 'email', value: 'a@b.com.br' },
    ]);
  });

  it('reads structured reasons and shows normalized values as agents read them', () => {
    expect(parseLinkReasons(JSON.stringify([{ key: 'phone', value: '+5541998765432' }]))).toEqual([
      { kind: 'phone', value: '+55 41 99876-5432' },
    ]);
  });

  it('drops what it cannot read and repeats nothing', () => {
    expect(parseLinkReasons('mesmo pedido 7001234; algo estranho; mesmo pedido 7001234')).toEqual([
      { kind: 'order', value: '7001234' },
    ]);
    expect(parseLinkReasons('{not json')).toEqual([]);
  });
});
