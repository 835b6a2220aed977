import fc from 'fast-check';
import {
  CORREIOS_EVENT_STATUS,
  correiosEventCode,
  correiosEventStatus,
  findTrackingCodes,
  isCorreiosFinalEvent,
  isKnownJadlogStatus,
  isTrackingUrl,
  jadlogStatus,
  parseTrackingCode,
  s10CheckDigit,
  trackingMessages,
  TRACKING_STATUSES,
} from '.';

describe('parseTrackingCode: Correios S10', () => {
  it.each(['AA123456785BR', 'TF884516597BR', 'YJ460348417BR', 'QP302718234BR', 'LB123456785CN'])(
    '%s is valid, with its public tracking page',
    (code) => {
      expect(parseTrackingCode(code)).toEqual({
        carrier: 'correios',
        valid: true,
        normalized: code,
        url: `https://rastreamento.correios.com.br/app/index.php?objetos=${code}`,
      });
    },
  );

  it.each(['aa123456785br', ' AA 123 456 785 BR ', 'AA-123.456.785-BR', 'aa123456785BR\n'])(
    'normalises case and separators in %p',
    (raw) => expect(parseTrackingCode(raw)).toMatchObject({ valid: true, normalized: 'AA123456785BR' }),
  );

  it.each(['AA123456784BR', 'AA123456780BR', 'TF884516598BR'])('%s has a wrong check digit', (code) => {
    expect(parseTrackingCode(code)).toEqual({
      carrier: 'correios',
      valid: false,
      normalized: code,
      url: null,
    });
  });

  it.each(['AA12345678BR', 'A1123456785BR', 'AA1234567855BR', '', 'rastreio', 'AA123456785'])(
    '%p is not a tracking code',
    (raw) =>
      expect(parseTrackingCode(raw)).toEqual({ carrier: null, valid: false, normalized: null, url: null }),
  );

  it('computes the check digit with r = 0 → 5 and r = 1 → 0', () => {
    expect(s10CheckDigit('12345678')).toBe(5); // s = 204, r = 6 → 11 − 6
    expect(s10CheckDigit('00000000')).toBe(5); // r = 0
    expect(s10CheckDigit('00060000')).toBe(0); // s = 6 × 2 = 12, r = 1
    expect(parseTrackingCode('SS000600000BR').valid).toBe(true);
  });

  it('keeps an S10 code on Correios even when the marketplace names another carrier', () => {
    expect(parseTrackingCode('AA123456785BR', 'jadlog').carrier).toBe('correios');
  });
});

describe('parseTrackingCode: Jadlog and Azul Cargo', () => {
  it('reads a 14-digit number as a Jadlog code', () => {
    expect(parseTrackingCode('10080155188760')).toEqual({
      carrier: 'jadlog',
      valid: true,
      normalized: '10080155188760',
      url: 'https://www.jadlog.com.br/jadlog/tracking?cte=10080155188760',
    });
    expect(parseTrackingCode('1008 0155 1887 60', 'jadlog').normalized).toBe('10080155188760');
  });

  it('reads an Azul air waybill (577 + serial + mod-7 check digit) with or without the prefix', () => {
    expect(parseTrackingCode('577-12345675')).toMatchObject({
      carrier: 'azul',
      valid: true,
      normalized: '57712345675',
    });
    expect(parseTrackingCode('12345675', 'azul')).toMatchObject({
      carrier: 'azul',
      valid: true,
      normalized: '57712345675',
    });
    expect(parseTrackingCode('577-12345676')).toMatchObject({ carrier: 'azul', valid: false, url: null });
    expect(parseTrackingCode('12345675')).toMatchObject({ carrier: null });
  });

  it('does not read Correios codes for a numeric code hinted as correios', () => {
    expect(parseTrackingCode('10080155188760', 'correios').carrier).toBeNull();
  });
});

describe('findTrackingCodes', () => {
  it('finds Correios codes in a customer message, in order and without duplicates', () => {
    const found = findTrackingCodes(
      'Oi, o rastreio AA123456785BR não atualiza. Me mandaram também tf 884516597 br. De novo: aa123456785br',
    );
    expect(found.map((f) => f.normalized)).toEqual(['AA123456785BR', 'TF884516597BR']);
    expect(found[1]).toMatchObject({ raw: 'tf 884516597 br', start: 62, end: 77 });
  });

  it('ignores S10-shaped codes with a wrong check digit', () => {
    expect(findTrackingCodes('rastreio AA123456784BR')).toEqual([]);
  });

  it('reads a 14-digit number as Jadlog only when the message names Jadlog, and never a valid CNPJ', () => {
    expect(findTrackingCodes('pedido 10080155188760')).toEqual([]);
    expect(
      findTrackingCodes('Enviado pela Jadlog, código 10080155188760, CNPJ 11222333000181').map(
        (f) => f.normalized,
      ),
    ).toEqual(['10080155188760']);
  });

  it('reads Azul air waybills when the message names Azul Cargo', () => {
    expect(
      findTrackingCodes('Seu pedido segue pela Azul Cargo, AWB 577-12345675.').map((f) => f.normalized),
    ).toEqual(['57712345675']);
    expect(findTrackingCodes('CPF 577.123.456-75')).toEqual([]);
  });
});

describe('isTrackingUrl', () => {
  it.each([
    'https://rastreamento.correios.com.br/app/index.php?objetos=AA123456785BR',
    'rastreamento.correios.com.br/app/index.php?objetos=AA123456785BR',
    'https://www2.correios.com.br/sistemas/rastreamento/',
    'https://www.jadlog.com.br/jadlog/tracking?cte=10080155188760',
    'https://www.jadlog.com.br/siteInstitucional/tracking.jad?cte=10080155188760',
    'https://www.azulcargoexpress.com.br/Rastreio/Rastreio?awb=57712345675',
  ])('%s is a carrier tracking page', (url) => expect(isTrackingUrl(url)).toBe(true));

  it.each([
    'https://rastreamento.correios.com.br.golpe.com/app',
    'https://www.linkcorreios.com.br/?id=AA123456785BR',
    'https://www.jadlog.com.br/jadlog/home',
    'https://bit.ly/rastreio-correios',
    'https://www.correios.com.br/enviar',
  ])('%s is not', (url) => expect(isTrackingUrl(url)).toBe(false));
});

describe('Correios event table', () => {
  it.each([
    ['PO', '01', 'posted'],
    ['CO', '01', 'posted'],
    ['RO', '01', 'in_transit'],
    ['DO', '01', 'in_transit'],
    ['OEC', '01', 'out_for_delivery'],
    ['LDI', '01', 'awaiting_pickup'],
    ['LDI', 14, 'awaiting_pickup'],
    ['BDE', '01', 'delivered'],
    ['BDE', 1, 'delivered'],
    ['BDI', '00', 'delivered'],
    ['BDR', '70', 'delivered'],
    ['BDE', '68', 'awaiting_pickup'],
    ['BDE', '47', 'in_transit'],
    ['BDE', '03', 'exception'],
    ['OEC', '09', 'returned'],
    ['LDE', '01', 'returned'],
    ['IDC', '01', 'exception'],
    ['BDE', '02', 'delivery_failed'],
    ['BDI', '20', 'delivery_failed'],
    ['BDE', '23', 'returned'],
    ['BDE', '09', 'exception'],
    ['BDR', '50', 'exception'],
    ['BDE', '99', 'delivery_failed'],
    ['FC', '01', 'returned'],
    ['FC', '47', 'returned'],
    ['FC', '10', 'in_transit'],
    ['XYZ', '01', 'in_transit'],
    ['bde', ' 1 ', 'delivered'],
  ] as const)('%s-%s → %s', (codigo, tipo, status) => expect(correiosEventStatus(codigo, tipo)).toBe(status));

  it('covers every listed code and only uses the shared vocabulary', () => {
    for (const code of ['BDE', 'BDI', 'BDR', 'OEC', 'LDI', 'PO', 'RO', 'DO', 'CO', 'FC'])
      expect(CORREIOS_EVENT_STATUS).toHaveProperty(code);
    for (const status of Object.values(CORREIOS_EVENT_STATUS)) expect(TRACKING_STATUSES).toContain(status);
  });

  it('marks the SRO final events, including stolen objects, and not a failed attempt', () => {
    expect(isCorreiosFinalEvent('BDE', '01')).toBe(true);
    expect(isCorreiosFinalEvent('BDR', 50)).toBe(true);
    expect(isCorreiosFinalEvent('FC', '11')).toBe(true);
    expect(isCorreiosFinalEvent('BDE', '02')).toBe(false);
    expect(isCorreiosFinalEvent('OEC', '01')).toBe(false);
    expect(correiosEventCode('bde', 1)).toBe('BDE-01');
  });
});

describe('Jadlog status table', () => {
  it.each([
    ['EMISSAO', 'posted'],
    ['EMISSÃO', 'posted'],
    ['ENTRADA', 'in_transit'],
    ['TRANSFERENCIA', 'in_transit'],
    ['EM ROTA', 'out_for_delivery'],
    ['EM_ROTA', 'out_for_delivery'],
    ['ENTREGUE', 'delivered'],
    ['entregue', 'delivered'],
    ['DEVOLVIDO', 'returned'],
    ['AGUARDANDO RETIRADA', 'awaiting_pickup'],
    ['INSUCESSO NA ENTREGA', 'delivery_failed'],
    ['EXTRAVIO', 'exception'],
    ['ALGO NOVO', 'in_transit'],
  ] as const)('%s → %s', (status, expected) => expect(jadlogStatus(status)).toBe(expected));

  it('tells known from unknown statuses', () => {
    expect(isKnownJadlogStatus('Em Rota')).toBe(true);
    expect(isKnownJadlogStatus('constructor')).toBe(false);
  });
});

describe('trackingMessages', () => {
  it('labels every status in pt-BR and en', () => {
    for (const status of TRACKING_STATUSES) {
      expect(trackingMessages['pt-BR'][`tracking.status.${status}`]).toBeTruthy();
      expect(trackingMessages.en[`tracking.status.${status}`]).toBeTruthy();
    }
  });
});

describe('properties', () => {
  it('parseTrackingCode and findTrackingCodes never throw', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 80 }),
        fc.constantFrom(undefined, 'correios', 'jadlog', 'azul'),
        (raw, hint) => {
          parseTrackingCode(raw, hint as never);
          findTrackingCodes(raw);
        },
      ),
      { numRuns: 2000 },
    );
  });

  const codeLike = fc.oneof(
    fc.stringMatching(/^[A-Za-z]{2}[ .-]?\d{3}[ .]?\d{3}[ .]?\d{3}[ -]?[A-Za-z]{2}$/),
    fc.stringMatching(/^577[ .-]?\d{8}$/),
    fc.stringMatching(/^\d{14}$/),
    fc.string({ maxLength: 20 }),
  );

  it('is idempotent on its normalized output', () => {
    fc.assert(
      fc.property(codeLike, fc.constantFrom(undefined, 'correios', 'jadlog', 'azul'), (raw, hint) => {
        const first = parseTrackingCode(raw, hint as never);
        if (first.normalized === null) return;
        expect(parseTrackingCode(first.normalized, hint as never)).toEqual(first);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts exactly the S10 codes whose check digit matches', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{2}\d{8}$/), fc.integer({ min: 0, max: 9 }), (head, digit) => {
        const code = `${head}${digit}BR`;
        expect(parseTrackingCode(code).valid).toBe(s10CheckDigit(head.slice(2)) === digit);
      }),
    );
  });
});
