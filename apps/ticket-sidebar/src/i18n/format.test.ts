import { formatAge, formatDate, formatDateTime, formatDuration } from './format';

const MIN = 60_000;
const HOUR = 60 * MIN;

test('countdowns round up to the minute, elapsed time rounds down', () => {
  expect(formatDuration(5 * HOUR - 1)).toBe('5 h');
  expect(formatDuration(5 * HOUR + 1)).toBe('5 h 1 min');
  expect(formatDuration(-(3 * HOUR + 59 * 1000), 'down')).toBe('3 h');
  expect(formatDuration(52 * HOUR)).toBe('2 d 4 h');
  expect(formatDuration(48 * HOUR)).toBe('2 d');
  expect(formatDuration(12 * MIN)).toBe('12 min');
  expect(formatDuration(20 * 1000)).toBe('1 min');
});

test('dates read in the sellers’ time zone; a plain day stays that day', () => {
  expect(formatDate('2026-11-24', 'pt-BR')).toBe('24/11/2026');
  expect(formatDate('2026-11-24', 'en')).toBe('11/24/2026');
  // 01:30 UTC is still the 21st in São Paulo.
  expect(formatDate('2026-11-22T01:30:00Z', 'pt-BR')).toBe('21/11/2026');
  expect(formatDateTime('2026-11-22T01:30:00Z', 'pt-BR')).toBe('21/11 22:30');
});

test('ages are relative', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  expect(formatAge('2026-11-19T12:00:00Z', now, 'pt-BR')).toBe('há 3 dias');
  expect(formatAge('2026-11-22T09:00:00Z', now, 'en')).toBe('3 hours ago');
});
