import { civilFromDays, daysFromCivil, formatDay, isoWeekday, parseDay } from './civil-date';

describe('civil dates', () => {
  it('round-trips every day from 1900 to 2100 through strings and matches Date', () => {
    const mismatches: string[] = [];
    for (let day = daysFromCivil(1900, 1, 1); day <= daysFromCivil(2100, 12, 31); day++) {
      const text = formatDay(day);
      const expected = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (text !== expected || parseDay(text) !== day) mismatches.push(`${day}: ${text} vs ${expected}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('knows leap years and weekdays', () => {
    expect(formatDay(parseDay('2028-02-29'))).toBe('2028-02-29');
    expect(() => parseDay('2027-02-29')).toThrow(/"2027-02-29"/);
    expect(() => parseDay('2100-02-29')).toThrow(/"2100-02-29"/);
    expect(formatDay(parseDay('2000-02-29'))).toBe('2000-02-29');
    expect(isoWeekday(parseDay('2026-11-19'))).toBe(4);
    expect(isoWeekday(parseDay('2026-11-22'))).toBe(7);
    expect(civilFromDays(0)).toEqual({ year: 1970, month: 1, day: 1 });
  });

  it.each([
    '2026-1-05',
    '2026-01-5',
    '20260105',
    '2026/01/05',
    '2026-00-10',
    '2026-13-01',
    '2026-04-31',
    '2026-01-00',
    ' 2026-01-05',
    '２０２６-01-05',
  ])('rejects %j', (text) => {
    expect(() => parseDay(text)).toThrow('Invalid date');
  });
});
