import { catalogs, localeFor, translate, type MessageKey } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

test('English has every pt-BR string with the same placeholders', () => {
  const keys = Object.keys(catalogs['pt-BR']) as MessageKey[];
  expect(Object.keys(catalogs.en).sort()).toEqual([...keys].sort());
  for (const key of keys) {
    expect([key, placeholders(catalogs.en[key])]).toEqual([key, placeholders(catalogs['pt-BR'][key])]);
  }
});

test('agents read English only when their Zendesk locale is English', () => {
  expect(localeFor('en-US')).toBe('en');
  expect(localeFor('en-gb')).toBe('en');
  expect(localeFor('pt-BR')).toBe('pt-BR');
  expect(localeFor('es')).toBe('pt-BR');
  expect(localeFor(undefined)).toBe('pt-BR');
});

test('placeholders are filled; a missing one stays visible', () => {
  expect(translate('pt-BR', 'header.order', { number: '7001234' })).toBe('Pedido 7001234');
  expect(translate('en', 'header.order')).toBe('Order {{number}}');
});
