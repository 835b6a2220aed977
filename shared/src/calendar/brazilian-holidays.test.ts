import { createBusinessCalendar } from './business-calendar';

// Dates checked against the law (Lei 662/1949, 6.802/1980, 14.759/2023) and Easter:
// Easter 2026 = April 5, Easter 2027 = March 28.
const NATIONAL_2026: Array<[string, string]> = [
  ['2026-01-01', 'Confraternização Universal'],
  ['2026-04-03', 'Paixão de Cristo (Sexta-feira Santa)'],
  ['2026-04-21', 'Tiradentes'],
  ['2026-05-01', 'Dia Mundial do Trabalho'],
  ['2026-09-07', 'Independência do Brasil'],
  ['2026-10-12', 'Nossa Senhora Aparecida'],
  ['2026-11-02', 'Finados'],
  ['2026-11-15', 'Proclamação da República'],
  ['2026-11-20', 'Dia Nacional de Zumbi e da Consciência Negra'],
  ['2026-12-25', 'Natal'],
];
const NATIONAL_2027: Array<[string, string]> = [
  ['2027-01-01', 'Confraternização Universal'],
  ['2027-03-26', 'Paixão de Cristo (Sexta-feira Santa)'],
  ['2027-04-21', 'Tiradentes'],
  ['2027-05-01', 'Dia Mundial do Trabalho'],
  ['2027-09-07', 'Independência do Brasil'],
  ['2027-10-12', 'Nossa Senhora Aparecida'],
  ['2027-11-02', 'Finados'],
  ['2027-11-15', 'Proclamação da República'],
  ['2027-11-20', 'Dia Nacional de Zumbi e da Consciência Negra'],
  ['2027-12-25', 'Natal'],
];

function daysOfYear(year: number): string[] {
  const days: string[] = [];
  for (
    let d = new Date(Date.UTC(year, 0, 1));
    d.getUTCFullYear() === year;
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

describe('national holidays', () => {
  const calendar = createBusinessCalendar();

  it.each([...NATIONAL_2026, ...NATIONAL_2027])('%s is %s and not a business day', (date, name) => {
    expect(calendar.holidayName(date)).toBe(name);
    expect(calendar.isBusinessDay(date)).toBe(false);
  });

  it.each([
    [2026, NATIONAL_2026],
    [2027, NATIONAL_2027],
  ])('%i has exactly these weekday holidays and no others', (year, holidays) => {
    const expected = holidays
      .map(([date]) => date)
      .filter((date) => [1, 2, 3, 4, 5].includes(((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1));
    const weekdayHolidays = daysOfYear(year as number).filter(
      (date) => new Date(`${date}T12:00:00Z`).getUTCDay() % 6 !== 0 && calendar.holidayName(date) !== null,
    );
    expect(weekdayHolidays).toEqual(expected);
  });

  it('counts 252 business days in 2026: 261 weekdays minus nine weekday holidays', () => {
    // 2026-11-15 falls on a Sunday; the other nine national holidays fall on weekdays.
    expect(daysOfYear(2026).filter((d) => calendar.isBusinessDay(d))).toHaveLength(252);
  });

  it('has Consciência Negra as a national holiday only from 2024 (Lei 14.759/2023)', () => {
    expect(calendar.isBusinessDay('2023-11-20')).toBe(true);
    expect(calendar.isBusinessDay('2024-11-20')).toBe(false);
    expect(createBusinessCalendar({ state: 'RJ' }).isBusinessDay('2023-11-20')).toBe(false);
  });

  it('treats election Sundays as holidays without changing business days', () => {
    expect(calendar.holidayName('2026-10-04')).toBe('Dia de Eleição');
    expect(calendar.isBusinessDay('2026-10-05')).toBe(true);
  });
});

describe('Carnaval and Corpus Christi (ponto facultativo)', () => {
  const byDefault = createBusinessCalendar();
  const withBoth = createBusinessCalendar({ includeCarnival: true, includeCorpusChristi: true });
  const onlyCarnival = createBusinessCalendar({ includeCarnival: true });

  it.each(['2026-02-16', '2026-02-17', '2027-02-08', '2027-02-09', '2026-06-04', '2027-05-27'])(
    '%s is a business day unless switched on',
    (date) => {
      expect(byDefault.isBusinessDay(date)).toBe(true);
      expect(byDefault.holidayName(date)).toBeNull();
      expect(withBoth.isBusinessDay(date)).toBe(false);
    },
  );

  it('switches each one independently and names them', () => {
    expect(onlyCarnival.holidayName('2026-02-16')).toBe('Carnaval');
    expect(onlyCarnival.holidayName('2026-02-17')).toBe('Carnaval');
    expect(onlyCarnival.isBusinessDay('2026-06-04')).toBe(true);
    expect(withBoth.holidayName('2026-06-04')).toBe('Corpus Christi');
  });

  it('never makes Ash Wednesday a day off', () => {
    expect(withBoth.isBusinessDay('2026-02-18')).toBe(true);
  });
});

describe('state holidays', () => {
  it('counts SP Revolução Constitucionalista (07-09) only for SP', () => {
    expect(createBusinessCalendar().isBusinessDay('2026-07-09')).toBe(true);
    expect(createBusinessCalendar({ state: 'RJ' }).isBusinessDay('2026-07-09')).toBe(true);
    const sp = createBusinessCalendar({ state: 'SP' });
    expect(sp.isBusinessDay('2026-07-09')).toBe(false);
    expect(sp.holidayName('2026-07-09')).toBe('Revolução Constitucionalista');
  });

  it.each(['SP', 'RJ', 'AM', 'MT'])('keeps the national Consciência Negra in %s', (state) => {
    expect(createBusinessCalendar({ state }).isBusinessDay('2026-11-20')).toBe(false);
  });

  it('adds RJ São Jorge (04-23) and the RJ state Carnaval Tuesday', () => {
    const rj = createBusinessCalendar({ state: 'rj' });
    expect(rj.state).toBe('RJ');
    expect(rj.isBusinessDay('2026-04-23')).toBe(false);
    expect(rj.isBusinessDay('2026-02-17')).toBe(false);
    expect(rj.isBusinessDay('2026-02-16')).toBe(true);
  });

  it('rejects an unknown UF, naming it', () => {
    expect(() => createBusinessCalendar({ state: 'XX' })).toThrow(/"XX"/);
  });
});

describe('custom dates', () => {
  const calendar = createBusinessCalendar({
    customHolidays: ['2026-01-26', { date: '2026-12-24', name: 'Recesso de fim de ano' }],
  });

  it('turns a plain date into a day off with a generic name', () => {
    expect(createBusinessCalendar().isBusinessDay('2026-01-26')).toBe(true);
    expect(calendar.isBusinessDay('2026-01-26')).toBe(false);
    expect(calendar.holidayName('2026-01-26')).toBe('Dia sem expediente');
  });

  it('uses the given name and closes the day', () => {
    expect(calendar.holidayName('2026-12-24')).toBe('Recesso de fim de ano');
    expect(calendar.isBusinessDay('2026-12-24')).toBe(false);
    expect(calendar.addBusinessDays('2026-12-23', 1)).toBe('2026-12-28');
  });

  it('rejects a malformed custom date, naming it', () => {
    expect(() => createBusinessCalendar({ customHolidays: ['25/01/2026'] })).toThrow(/"25\/01\/2026"/);
  });
});
