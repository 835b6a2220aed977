import { createBusinessCalendar } from '../calendar';
import { CHANNELS } from '../channels';
import { computeDueAt, deadlineFor } from './due-at';
import { DEFAULT_SLA_RULES } from './rules';

const at = (iso: string): Date => new Date(iso);
const saoPaulo = createBusinessCalendar();
const local = (instant: Date): string => saoPaulo.localIsoString(instant);

describe('N business days', () => {
  it('MadeiraMadeira: Thu 19 Nov 15:00 → Tue 24 Nov 23:59:59 (Fri 20 is Consciência Negra)', () => {
    const deadline = deadlineFor({
      channel: 'madeiramadeira',
      receivedAt: at('2026-11-19T15:00:00-03:00'),
      calendar: saoPaulo,
    });
    expect(local(deadline.dueAt)).toBe('2026-11-24T23:59:59-03:00');
    expect(deadline.dueAt.toISOString()).toBe('2026-11-25T02:59:59.000Z');
    expect(deadline.source).toBe('policy');
  });

  it('counts from the local day, not the UTC day', () => {
    // 01:30 UTC on Friday 20 is still Thursday 19 in São Paulo.
    const rule = DEFAULT_SLA_RULES.madeiramadeira;
    expect(local(computeDueAt(at('2026-11-20T01:30:00Z'), rule, saoPaulo))).toBe('2026-11-24T23:59:59-03:00');
    expect(local(computeDueAt(at('2026-11-20T03:30:00Z'), rule, saoPaulo))).toBe('2026-11-24T23:59:59-03:00');
    // 02:30 UTC on Wednesday 18 is Tuesday 17 locally: Wed 18, Thu 19 (the UTC day would give Mon 23).
    expect(local(computeDueAt(at('2026-11-18T02:30:00Z'), rule, saoPaulo))).toBe('2026-11-19T23:59:59-03:00');
  });

  it('treats a weekend receipt day as the receipt day', () => {
    const rule = { kind: 'business_days', days: 1 } as const;
    expect(local(computeDueAt(at('2026-11-21T10:00:00-03:00'), rule, saoPaulo))).toBe(
      '2026-11-23T23:59:59-03:00',
    );
    expect(local(computeDueAt(at('2026-11-22T23:00:00-03:00'), rule, saoPaulo))).toBe(
      '2026-11-23T23:59:59-03:00',
    );
  });

  it('crosses the new year', () => {
    const due = computeDueAt(at('2026-12-31T16:00:00-03:00'), DEFAULT_SLA_RULES['americanas-sac'], saoPaulo);
    expect(local(due)).toBe('2027-01-04T23:59:59-03:00');
    // Received on New Year's Eve after 21:00 local, which is already 2027 in UTC.
    expect(
      local(computeDueAt(at('2027-01-01T00:30:00Z'), { kind: 'business_days', days: 2 }, saoPaulo)),
    ).toBe('2027-01-05T23:59:59-03:00');
  });

  it('follows the state and custom calendars', () => {
    const received = at('2026-07-08T10:00:00-03:00');
    const rule = { kind: 'business_days', days: 1 } as const;
    expect(local(computeDueAt(received, rule, saoPaulo))).toBe('2026-07-09T23:59:59-03:00');
    expect(local(computeDueAt(received, rule, createBusinessCalendar({ state: 'SP' })))).toBe(
      '2026-07-10T23:59:59-03:00',
    );
    const closed = createBusinessCalendar({ customHolidays: ['2026-07-09', '2026-07-10'] });
    expect(local(computeDueAt(received, rule, closed))).toBe('2026-07-13T23:59:59-03:00');
  });

  it('follows the Carnaval switch', () => {
    const received = at('2026-02-13T11:00:00-03:00');
    const rule = DEFAULT_SLA_RULES.mercadolivre;
    expect(local(computeDueAt(received, rule, saoPaulo))).toBe('2026-02-17T23:59:59-03:00');
    expect(local(computeDueAt(received, rule, createBusinessCalendar({ includeCarnival: true })))).toBe(
      '2026-02-19T23:59:59-03:00',
    );
  });
});

describe('N business hours capped at M calendar hours', () => {
  it('Americanas received Friday 17:00: the 24 h cap (Saturday 17:00) beats Tuesday 09:00', () => {
    const receivedAt = at('2026-11-27T17:00:00-03:00');
    expect(local(saoPaulo.addBusinessHours(receivedAt, 12))).toBe('2026-12-01T09:00:00-03:00');
    const deadline = deadlineFor({ channel: 'americanas', receivedAt, calendar: saoPaulo });
    expect(local(deadline.dueAt)).toBe('2026-11-28T17:00:00-03:00');
  });

  it('uses business hours when they end before the cap', () => {
    const longHours = createBusinessCalendar({
      businessHours: { days: [1, 2, 3, 4, 5], start: '07:00', end: '22:00' },
    });
    const due = computeDueAt(at('2026-11-24T07:00:00-03:00'), DEFAULT_SLA_RULES.americanas, longHours);
    expect(local(due)).toBe('2026-11-24T19:00:00-03:00');
  });

  it('starts the clock at the next window for a night message', () => {
    const rule = { kind: 'business_hours', hours: 4 } as const;
    expect(local(computeDueAt(at('2026-11-23T23:10:00-03:00'), rule, saoPaulo))).toBe(
      '2026-11-24T12:00:00-03:00',
    );
    // With the 24 h cap of the chat channels the cap does not bite here.
    expect(local(computeDueAt(at('2026-11-23T23:10:00-03:00'), DEFAULT_SLA_RULES.whatsapp, saoPaulo))).toBe(
      '2026-11-24T12:00:00-03:00',
    );
  });

  it('lets the cap win over a holiday weekend for chat channels', () => {
    // Thu 19 at 17:30 + 4 business hours would be Mon 23 11:30; the cap ends Fri 20 at 17:30.
    const due = computeDueAt(at('2026-11-19T17:30:00-03:00'), DEFAULT_SLA_RULES.instagram, saoPaulo);
    expect(local(due)).toBe('2026-11-20T17:30:00-03:00');
  });
});

describe('calendar hours', () => {
  it('adds wall-clock hours regardless of holidays', () => {
    const due = computeDueAt(
      at('2026-11-19T17:30:00-03:00'),
      { kind: 'calendar_hours', hours: 48 },
      saoPaulo,
    );
    expect(local(due)).toBe('2026-11-21T17:30:00-03:00');
  });
});

describe('deadlineFor', () => {
  it('has a default rule for every channel', () => {
    for (const channel of CHANNELS) {
      const deadline = deadlineFor({
        channel,
        receivedAt: at('2026-11-24T10:00:00-03:00'),
        calendar: saoPaulo,
      });
      expect(deadline.rule).toBe(DEFAULT_SLA_RULES[channel]);
      expect(deadline.dueAt.getTime()).toBeGreaterThan(at('2026-11-24T10:00:00-03:00').getTime());
    }
  });

  it('lets the marketplace-reported deadline win and keeps the computed one', () => {
    const reported = at('2026-11-23T18:00:00-03:00');
    const deadline = deadlineFor({
      channel: 'madeiramadeira',
      receivedAt: at('2026-11-19T15:00:00-03:00'),
      calendar: saoPaulo,
      reportedDueAt: reported,
    });
    expect(deadline.source).toBe('marketplace');
    expect(deadline.dueAt.getTime()).toBe(reported.getTime());
    expect(deadline.reportedDueAt?.getTime()).toBe(reported.getTime());
    expect(local(deadline.computedDueAt)).toBe('2026-11-24T23:59:59-03:00');
  });

  it('keeps a later reported deadline too: the marketplace enforces its own', () => {
    const reported = at('2026-11-30T23:59:59-03:00');
    const deadline = deadlineFor({
      channel: 'madeiramadeira',
      receivedAt: at('2026-11-19T15:00:00-03:00'),
      calendar: saoPaulo,
      reportedDueAt: reported,
    });
    expect(deadline.dueAt.getTime()).toBe(reported.getTime());
  });

  it('applies the tenant override for one channel only', () => {
    const receivedAt = at('2026-11-24T10:00:00-03:00');
    const rules = { email: { kind: 'calendar_hours', hours: 2 } } as const;
    expect(local(deadlineFor({ channel: 'email', receivedAt, calendar: saoPaulo, rules }).dueAt)).toBe(
      '2026-11-24T12:00:00-03:00',
    );
    expect(local(deadlineFor({ channel: 'phone', receivedAt, calendar: saoPaulo, rules }).dueAt)).toBe(
      '2026-11-25T23:59:59-03:00',
    );
  });

  it('rejects bad input, naming it', () => {
    const receivedAt = at('2026-11-24T10:00:00-03:00');
    expect(() => deadlineFor({ channel: 'orkut' as never, receivedAt, calendar: saoPaulo })).toThrow(
      /"orkut"/,
    );
    expect(() => deadlineFor({ channel: 'email', receivedAt: at('2026-13-01'), calendar: saoPaulo })).toThrow(
      /Invalid Date/,
    );
    expect(() =>
      deadlineFor({ channel: 'email', receivedAt, calendar: saoPaulo, reportedDueAt: at('garbage') }),
    ).toThrow(/Invalid Date/);
    expect(() => computeDueAt(receivedAt, { kind: 'business_days', days: -2 }, saoPaulo)).toThrow(
      /"days":-2/,
    );
    expect(() =>
      computeDueAt(receivedAt, { kind: 'business_hours', hours: 4, capCalendarHours: -1 }, saoPaulo),
    ).toThrow(/"capCalendarHours":-1/);
    expect(() => computeDueAt(receivedAt, { kind: 'weeks', weeks: 1 } as never, saoPaulo)).toThrow(/"weeks"/);
  });
});
