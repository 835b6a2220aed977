import { BusinessCalendar, createBusinessCalendar, DEFAULT_TIME_ZONE } from './business-calendar';
import { CalendarInputError } from './errors';

const HOUR = 3_600_000;
const at = (iso: string): Date => new Date(iso);

describe('local dates in the tenant zone', () => {
  const saoPaulo = createBusinessCalendar();

  it('defaults to America/Sao_Paulo', () => {
    expect(saoPaulo.timeZone).toBe(DEFAULT_TIME_ZONE);
    expect(DEFAULT_TIME_ZONE).toBe('America/Sao_Paulo');
  });

  it('puts a UTC instant after midnight UTC on the previous local day', () => {
    // 01:30 UTC on Nov 20 is 22:30 on Nov 19 in São Paulo (−03:00).
    expect(saoPaulo.localDate(at('2026-11-20T01:30:00Z'))).toBe('2026-11-19');
    expect(saoPaulo.localDate(at('2026-11-20T03:00:00Z'))).toBe('2026-11-20');
    expect(saoPaulo.localDate(at('2027-01-01T02:59:59.999Z'))).toBe('2026-12-31');
  });

  it('uses the tenant zone, not the server zone', () => {
    const manaus = createBusinessCalendar({ timeZone: 'America/Manaus' });
    expect(manaus.localDate(at('2026-11-20T03:30:00Z'))).toBe('2026-11-19');
    expect(manaus.endOfLocalDay('2026-11-24').toISOString()).toBe('2026-11-25T03:59:59.000Z');
    expect(createBusinessCalendar({ timeZone: 'Asia/Tokyo' }).localDate(at('2026-11-19T15:00:00Z'))).toBe(
      '2026-11-20',
    );
  });

  it('converts local times to instants', () => {
    expect(saoPaulo.endOfLocalDay('2026-11-24').toISOString()).toBe('2026-11-25T02:59:59.000Z');
    expect(saoPaulo.startOfLocalTime('2026-11-24', '08:00').toISOString()).toBe('2026-11-24T11:00:00.000Z');
    expect(saoPaulo.startOfLocalTime('2026-11-24', '24:00').toISOString()).toBe('2026-11-25T03:00:00.000Z');
  });

  it('prints instants as local ISO-8601 with the zone offset', () => {
    expect(saoPaulo.localIsoString(at('2026-11-25T02:59:59Z'))).toBe('2026-11-24T23:59:59-03:00');
    expect(saoPaulo.localIsoString(at('2026-11-25T02:59:59.250Z'))).toBe('2026-11-24T23:59:59.250-03:00');
    expect(
      createBusinessCalendar({ timeZone: 'Asia/Kolkata' }).localIsoString(at('2026-11-24T12:00:00Z')),
    ).toBe('2026-11-24T17:30:00+05:30');
    expect(createBusinessCalendar({ timeZone: 'UTC' }).localIsoString(at('2026-11-24T12:00:00Z'))).toBe(
      '2026-11-24T12:00:00+00:00',
    );
  });

  it('handles daylight-saving zones on both transition days', () => {
    const newYork = createBusinessCalendar({ timeZone: 'America/New_York' });
    expect(newYork.startOfLocalTime('2026-03-08', '12:00').toISOString()).toBe('2026-03-08T16:00:00.000Z');
    expect(newYork.startOfLocalTime('2026-03-07', '12:00').toISOString()).toBe('2026-03-07T17:00:00.000Z');
    // 02:30 does not exist on 2026-03-08: it lands 30 minutes after the jump, at 03:30 EDT.
    expect(newYork.startOfLocalTime('2026-03-08', '02:30').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // 01:30 happens twice on 2026-11-01: the first (EDT) one is used.
    expect(newYork.startOfLocalTime('2026-11-01', '01:30').toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(newYork.endOfLocalDay('2026-11-01').toISOString()).toBe('2026-11-02T04:59:59.000Z');
  });
});

describe('addBusinessDays', () => {
  const calendar = createBusinessCalendar();

  it('skips the Consciência Negra Friday and the weekend', () => {
    expect(calendar.addBusinessDays('2026-11-19', 1)).toBe('2026-11-23');
    expect(calendar.addBusinessDays('2026-11-19', 2)).toBe('2026-11-24');
  });

  it('counts from a weekend or holiday receipt day', () => {
    expect(calendar.addBusinessDays('2026-11-21', 1)).toBe('2026-11-23');
    expect(calendar.addBusinessDays('2026-11-20', 1)).toBe('2026-11-23');
    expect(calendar.addBusinessDays('2026-11-22', 2)).toBe('2026-11-24');
  });

  it('crosses the year over Confraternização Universal', () => {
    expect(calendar.addBusinessDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(calendar.addBusinessDays('2026-12-24', 2)).toBe('2026-12-29');
    expect(calendar.addBusinessDays('2027-12-30', 2)).toBe('2028-01-03');
  });

  it('crosses Holy Week and Tiradentes', () => {
    expect(calendar.addBusinessDays('2026-04-02', 1)).toBe('2026-04-06');
    expect(calendar.addBusinessDays('2026-04-20', 1)).toBe('2026-04-22');
  });

  it('returns the same date for n = 0', () => {
    expect(calendar.addBusinessDays('2026-11-21', 0)).toBe('2026-11-21');
  });
});

describe('business hours', () => {
  const calendar = createBusinessCalendar();

  it('counts inside the 08:00–18:00 window', () => {
    expect(calendar.addBusinessHours(at('2026-11-24T10:00:00-03:00'), 3).toISOString()).toBe(
      '2026-11-24T16:00:00.000Z',
    );
  });

  it('starts the clock at the next window when received outside one', () => {
    expect(calendar.addBusinessHours(at('2026-11-24T06:00:00-03:00'), 1).toISOString()).toBe(
      '2026-11-24T12:00:00.000Z',
    );
    expect(calendar.addBusinessHours(at('2026-11-24T21:00:00-03:00'), 1).toISOString()).toBe(
      '2026-11-25T12:00:00.000Z',
    );
    // Saturday night → Monday 08:00 + 2 h.
    expect(calendar.addBusinessHours(at('2026-11-21T22:00:00-03:00'), 2).toISOString()).toBe(
      '2026-11-23T13:00:00.000Z',
    );
  });

  it('skips holidays and weekends between windows', () => {
    // Thu 17:00 + 4 h: 1 h on Thu, Fri 20 is a holiday, then 3 h on Monday → 11:00.
    expect(calendar.addBusinessHours(at('2026-11-19T17:00:00-03:00'), 4).toISOString()).toBe(
      '2026-11-23T14:00:00.000Z',
    );
  });

  it('stops at the closing time when the count ends there', () => {
    expect(calendar.addBusinessHours(at('2026-11-24T08:00:00-03:00'), 10).toISOString()).toBe(
      '2026-11-24T21:00:00.000Z',
    );
  });

  it('follows custom opening hours, including Saturdays, but never on a holiday', () => {
    const store = createBusinessCalendar({
      businessHours: { days: [1, 2, 3, 4, 5, 6], start: '09:00', end: '13:00' },
    });
    expect(store.addBusinessHours(at('2026-11-19T12:00:00-03:00'), 3).toISOString()).toBe(
      '2026-11-21T14:00:00.000Z',
    );
    // Saturday opening hours do not make Saturday a business day (dia útil) for day counts.
    expect(store.isBusinessDay('2026-11-21')).toBe(false);
  });

  it('measures business time between instants', () => {
    const friday = at('2026-11-27T17:00:00-03:00');
    const tuesday = at('2026-12-01T09:00:00-03:00');
    expect(calendar.businessMillisBetween(friday, tuesday)).toBe(12 * HOUR);
    expect(calendar.businessMillisBetween(tuesday, friday)).toBe(0);
    expect(
      calendar.businessMillisBetween(at('2026-11-20T09:00:00-03:00'), at('2026-11-20T17:00:00-03:00')),
    ).toBe(0);
  });
});

describe('invalid input names the bad value', () => {
  const calendar = createBusinessCalendar();

  it.each<[string, () => unknown, RegExp]>([
    ['unknown zone', () => new BusinessCalendar({ timeZone: 'America/Sao_Pablo' }), /"America\/Sao_Pablo"/],
    ['empty zone', () => new BusinessCalendar({ timeZone: '' }), /time zone: ""/],
    ['impossible date', () => calendar.isBusinessDay('2026-02-29'), /"2026-02-29"/],
    ['date with time', () => calendar.addBusinessDays('2026-11-19T10:00', 1), /"2026-11-19T10:00"/],
    ['bad HH:mm', () => calendar.startOfLocalTime('2026-11-19', '8:00'), /"8:00"/],
    ['hour 25', () => calendar.startOfLocalTime('2026-11-19', '25:00'), /"25:00"/],
    ['negative days', () => calendar.addBusinessDays('2026-11-19', -1), /count: -1/],
    ['fractional days', () => calendar.addBusinessDays('2026-11-19', 1.5), /count: 1.5/],
    ['negative hours', () => calendar.addBusinessHours(new Date(), -2), /hours: -2/],
    ['invalid Date', () => calendar.localDate(new Date('nope')), /Invalid Date/],
    [
      'closing before opening',
      () => new BusinessCalendar({ businessHours: { days: [1], start: '18:00', end: '08:00' } }),
      /"start":"18:00"/,
    ],
    [
      'no opening days',
      () => new BusinessCalendar({ businessHours: { days: [], start: '08:00', end: '18:00' } }),
      /"days":\[\]/,
    ],
  ])('%s', (_label, act, pattern) => {
    expect(act).toThrow(CalendarInputError);
    expect(act).toThrow(pattern);
  });

  it('gives a code a UI can translate', () => {
    try {
      calendar.addBusinessDays('2026-11-19', -1);
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarInputError);
      expect((error as CalendarInputError).code).toBe('invalidCount');
    }
  });

  it('refuses to search forever when every day is closed', () => {
    const everyDay = Array.from({ length: 4000 }, (_, i) =>
      new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
    );
    const closed = createBusinessCalendar({ customHolidays: everyDay });
    expect(() => closed.addBusinessDays('2026-01-01', 1)).toThrow(/No business day/);
    expect(() => closed.addBusinessHours(at('2026-01-01T10:00:00-03:00'), 1)).toThrow(/No business day/);
  });
});
