import { describeRule } from './describe-rule';
import { slaMessages } from './messages';
import { DEFAULT_SLA_RULES } from './rules';

describe('describeRule', () => {
  it.each<[Parameters<typeof describeRule>[0], string, string]>([
    [{ kind: 'business_days', days: 2 }, '2 dias úteis', '2 business days'],
    [{ kind: 'business_days', days: 1 }, '1 dia útil', '1 business day'],
    [
      { kind: 'business_hours', hours: 12, capCalendarHours: 24 },
      '12 horas úteis (máx. 24 horas corridas)',
      '12 business hours (max. 24 calendar hours)',
    ],
    [{ kind: 'business_hours', hours: 1 }, '1 hora útil', '1 business hour'],
    [{ kind: 'business_hours', hours: 1.5 }, '1,5 horas úteis', '1.5 business hours'],
    [{ kind: 'calendar_hours', hours: 48 }, '48 horas corridas', '48 calendar hours'],
  ])('%j', (rule, ptBR, en) => {
    expect(describeRule(rule, 'pt-BR')).toBe(ptBR);
    expect(describeRule(rule, 'en')).toBe(en);
  });

  it('describes the Americanas default as the issue states it', () => {
    expect(describeRule(DEFAULT_SLA_RULES.americanas, 'pt-BR')).toBe(
      '12 horas úteis (máx. 24 horas corridas)',
    );
  });
});

describe('slaMessages', () => {
  it('has the same keys, all filled, in pt-BR and en', () => {
    const ptKeys = Object.keys(slaMessages['pt-BR']).sort();
    expect(Object.keys(slaMessages.en).sort()).toEqual(ptKeys);
    for (const locale of ['pt-BR', 'en'] as const) {
      for (const text of Object.values(slaMessages[locale])) expect(text.trim()).not.toBe('');
    }
  });

  it('labels every status in both languages', () => {
    expect(slaMessages['pt-BR']['status.breached']).toBe('Prazo vencido');
    for (const status of ['ok', 'due_soon', 'breached']) {
      expect(slaMessages['pt-BR']).toHaveProperty([`status.${status}`]);
      expect(slaMessages.en).toHaveProperty([`status.${status}`]);
    }
  });
});
