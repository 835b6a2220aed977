import { toInstant } from './brasilia-time';

describe('toInstant: marketplace dates without a zone are Brasília time', () => {
  it.each([
    ['2026-02-04 17:28:48', '2026-02-04T17:28:48-03:00'],
    ['2023-06-06T21:44:44', '2023-06-06T21:44:44-03:00'],
    ['2026-02-04', '2026-02-04T00:00:00-03:00'],
    ['04/02/2026', '2026-02-04T00:00:00-03:00'],
    ['2025-02-13T09:28:58-03:00', '2025-02-13T09:28:58-03:00'],
    ['2024-01-20T10:30:00Z', '2024-01-20T10:30:00Z'],
  ])('%s → %s', (raw, expected) => {
    expect(toInstant(raw)).toBe(expected);
  });

  it('a bare time is 3 hours after the same wall-clock time in UTC', () => {
    expect(Date.parse(toInstant('2026-02-04 17:28:48')!) - Date.parse('2026-02-04T17:28:48Z')).toBe(
      3 * 3600_000,
    );
  });

  it('reads unix milliseconds and refuses empty or garbage values', () => {
    expect(toInstant(1770236918586)).toBe(new Date(1770236918586).toISOString());
    expect(toInstant('')).toBeUndefined();
    expect(toInstant('amanhã')).toBeUndefined();
    expect(toInstant('31/02/2026')).toBeUndefined();
  });
});
