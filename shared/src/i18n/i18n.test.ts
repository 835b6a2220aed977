import { interpolate, messages, MODULE_CATALOGS, resolveLocale, t, translate } from '.';

describe('resolveLocale', () => {
  it.each([
    ['en', 'en'],
    ['en-US', 'en'],
    ['en_GB', 'en'],
    ['EN', 'en'],
    ['pt', 'pt-BR'],
    ['pt-BR', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['es', 'pt-BR'],
    ['eng', 'pt-BR'],
    ['', 'pt-BR'],
    [undefined, 'pt-BR'],
  ])('%p → %p', (tag, locale) => expect(resolveLocale(tag)).toBe(locale));
});

describe('translate', () => {
  const catalog = {
    'pt-BR': { greet: 'Olá, {{name}}!', onlyPt: 'só em português' },
    en: { greet: 'Hello, {{ name }}!' },
  };

  it('fills placeholders, tolerating spaces inside the braces', () => {
    expect(translate(catalog, 'pt-BR', 'greet', { name: 'Maria' })).toBe('Olá, Maria!');
    expect(translate(catalog, 'en', 'greet', { name: 'Maria' })).toBe('Hello, Maria!');
  });

  it('falls back to pt-BR, then to the key, and keeps unknown placeholders visible', () => {
    expect(translate(catalog, 'en', 'onlyPt')).toBe('só em português');
    expect(translate(catalog, 'en', 'missing' as never)).toBe('missing');
    expect(interpolate('{{a}} e {{b}}', { a: 1 })).toBe('1 e {{b}}');
  });

  it('does not read placeholders from the object prototype', () => {
    expect(interpolate('{{constructor}}', {})).toBe('{{constructor}}');
  });
});

describe('messages', () => {
  const placeholders = (text: string): string[] =>
    [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();

  it('has every key in both locales, non-empty, with the same placeholders', () => {
    const pt = Object.keys(messages['pt-BR']).sort();
    expect(Object.keys(messages.en).sort()).toEqual(pt);
    for (const key of pt) {
      const ptText = messages['pt-BR'][key as keyof (typeof messages)['pt-BR']];
      const enText = messages.en[key as keyof (typeof messages)['en']];
      expect(ptText.trim()).not.toBe('');
      expect(enText.trim()).not.toBe('');
      expect([key, placeholders(enText)]).toEqual([key, placeholders(ptText)]);
    }
  });

  it('has every module catalog complete in both locales before merging', () => {
    for (const [name, catalog] of Object.entries(MODULE_CATALOGS)) {
      expect([name, Object.keys(catalog.en).sort()]).toEqual([name, Object.keys(catalog['pt-BR']).sort()]);
    }
  });

  it('keeps every module under its own namespace, so modules never overwrite each other', () => {
    const total = Object.values(MODULE_CATALOGS).reduce((n, c) => n + Object.keys(c['pt-BR']).length, 0);
    expect(Object.keys(messages['pt-BR'])).toHaveLength(total);
    expect(t('pt-BR', 'sla.status.breached')).toBe('Prazo vencido');
    expect(t('en', 'tracking.status.delivered')).toBe('Delivered');
    expect(t('pt-BR', 'identity.invalid.cpf')).toContain('CPF inválido');
    expect(t('en', 'tracking.openCarrierPage', { carrier: 'Correios' })).toBe(
      'Track on the Correios website',
    );
  });
});
