import { extractIdentifiers } from '.';

describe('extractIdentifiers: what customers write', () => {
  it('finds the order number however it is introduced', () => {
    expect(extractIdentifiers('Boa tarde, meu pedido 7001234 ainda não chegou').orderNumbers).toEqual([
      '7001234',
    ]);
    expect(extractIdentifiers('Nº do pedido: 7001234').orderNumbers).toEqual(['7001234']);
    expect(extractIdentifiers('o número do pedido é 7001234, comprei dia 10').orderNumbers).toEqual([
      '7001234',
    ]);
    expect(extractIdentifiers('Pedido #7001234').orderNumbers).toEqual(['7001234']);
    expect(extractIdentifiers('comprei na americanas, pedido 02-1000000004').orderNumbers).toEqual([
      '1000000004',
    ]);
    expect(extractIdentifiers('Referente à Lojas Americanas-201000000004001').orderNumbers).toEqual([
      '1000000004',
    ]);
    expect(extractIdentifiers('venda 2000001234567890 no ML').orderNumbers).toEqual(['2000001234567890']);
    expect(extractIdentifiers('ped. 7001234').orderNumbers).toEqual(['7001234']);
    expect(extractIdentifiers('meus pedidos: 7001234').orderNumbers).toEqual(['7001234']);
    expect(extractIdentifiers('PEDIDO Nº 7001234-01').orderNumbers).toEqual(['7001234-01']);
  });

  it('finds CPF and CNPJ written with the mask or after the word', () => {
    expect(extractIdentifiers('meu CPF é 111.444.777-35').documents).toEqual(['11144477735']);
    expect(extractIdentifiers('cpf: 11144477735 obrigado').documents).toEqual(['11144477735']);
    expect(extractIdentifiers('Nota no CNPJ 12.ABC.345/01DE-35 por favor').documents).toEqual([
      '12ABC34501DE35',
    ]);
    expect(extractIdentifiers('empresa 12.345.678/0001-95').documents).toEqual(['12345678000195']);
  });

  it('ignores a CPF whose check digits are wrong', () => {
    expect(extractIdentifiers('meu CPF é 111.444.777-36').documents).toEqual([]);
  });

  it('finds phones in every way they are written', () => {
    expect(extractIdentifiers('me liga no (41) 99876-5432').phones).toEqual(['+5541998765432']);
    expect(extractIdentifiers('zap 41 998765432').phones).toEqual(['+5541998765432']);
    expect(extractIdentifiers('whats 41998765432').phones).toEqual(['+5541998765432']);
    expect(extractIdentifiers('fone (41)99876-5432.').phones).toEqual(['+5541998765432']);
    expect(extractIdentifiers('meu número 41 9 9876-5432').phones).toEqual(['+5541998765432']);
    expect(extractIdentifiers('+55 41 99876 5432').phones).toEqual(['+5541998765432']);
    expect(extractIdentifiers('de 554198765432@s.whatsapp.net')).toMatchObject({
      phones: ['+5541998765432'],
      emails: [],
    });
    expect(extractIdentifiers('whatsapp: 554198765432').phones).toEqual(['+5541998765432']); // old wa_id
    expect(extractIdentifiers('Contato: +55 (41) 9 9876-5432 ou (41) 3333-4444').phones).toEqual([
      '+5541998765432',
      '+554133334444',
    ]);
  });

  it('finds e-mails, lower-cased, and tracking codes', () => {
    const found = extractIdentifiers('Mande para Joao.Silva@Gmail.com. O rastreio é AA123456785BR, certo?');
    expect(found.emails).toEqual(['joao.silva@gmail.com']);
    expect(found.trackingCodes).toEqual(['AA123456785BR']);
    expect(found.phones).toEqual([]);
  });

  it('reads a whole realistic message', () => {
    const text =
      'Olá! Sou a Maria, CPF 111.444.777-35. Fiz o pedido 7001234 no dia 12/11/2026 e paguei R$ 1.234,56. ' +
      'Entrega no CEP 80010-000. Meu zap é (41) 99876-5432 e o e-mail maria.souza@uol.com.br';
    expect(extractIdentifiers(text)).toEqual({
      orderNumbers: ['7001234'],
      documents: ['11144477735'],
      phones: ['+5541998765432'],
      emails: ['maria.souza@uol.com.br'],
      trackingCodes: [],
    });
  });
});

describe('extractIdentifiers: what must not be taken for an identifier', () => {
  const nothing = { orderNumbers: [], documents: [], phones: [], emails: [], trackingCodes: [] };

  it.each([
    ['a price', 'O produto custou R$ 1.234,56 e o frete R$ 49,90'],
    ['a CEP', 'Moro no CEP 80010-000, centro'],
    ['a date and a time', 'Entregaram 22/11/2026 às 14:30'],
    ['a protocol number', 'Protocolo 20261122123456 aberto na Anatel'],
    ['a bare protocol without the word', 'seu atendimento 2026112212 foi registrado'],
    ['an invoice key', 'NF-e chave 41261112345678000195550010000012341000012345'],
    ['a quantity', 'Comprei 2 cadeiras de 1.200 mm'],
    ['a bare 11-digit number without any phone word', 'o código 41998765432 apareceu'],
  ])('%s', (_what, text) => {
    expect(extractIdentifiers(text)).toEqual(nothing);
  });

  it('does not take an entrega CEP for an order number', () => {
    expect(extractIdentifiers('entrega 80010-000').orderNumbers).toEqual([]);
  });

  it('does not read a phone out of the digits of a CPF or an order', () => {
    expect(extractIdentifiers('CPF 41998765458').phones).toEqual([]);
    expect(extractIdentifiers('pedido 41998765432').phones).toEqual([]);
  });
});

describe('extractIdentifiers: a labelled number does not swallow what follows it', () => {
  it('keeps the phone after a tracking code and before a protocol number', () => {
    const text =
      'Boa tarde! Sou o João, CPF 111.444.777-35, comprei o pedido nº 7001234 dia 12/11 por R$ 1.299,90, ' +
      'rastreio AA123456785BR zap 41 998765432, protocolo 202611221234';
    expect(extractIdentifiers(text)).toEqual({
      orderNumbers: ['7001234'],
      documents: ['11144477735'],
      phones: ['+5541998765432'],
      emails: [],
      trackingCodes: ['AA123456785BR'],
    });
  });

  it('blanks numbers labelled as protocol, nota fiscal or CEP even with words in between', () => {
    expect(extractIdentifiers('protocolo de atendimento 4133334444').phones).toEqual([]);
    expect(extractIdentifiers('nota fiscal nº 4133334444').phones).toEqual([]);
    expect(extractIdentifiers('CEP: 80010-000').phones).toEqual([]);
  });
});
