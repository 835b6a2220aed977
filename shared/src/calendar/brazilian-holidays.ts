import Holidays from 'date-holidays';
import { type DayNumber, parseDay } from './civil-date';
import { CalendarInputError } from './errors';

/**
 * Which days Brazil does not work, from `date-holidays` with the types chosen explicitly:
 * - national `public` holidays always (Lei 662/1949, Lei 6.802/1980, Lei 14.759/2023 for 20 de
 *   novembro, Sexta-feira Santa, election Sundays);
 * - Carnaval Monday/Tuesday and Corpus Christi are only `bank` days (ponto facultativo; banks close
 *   under Resolução CMN 4.880), so they count only when switched on;
 * - a state's (UF) own `public` holidays (Lei 9.093/1995), when a state is given.
 *
 * The library's state data marks some national days as inactive for the state (e.g. SP, RJ, AM and MT
 * "end" their old state-level 20 de novembro in 2023, which removes the national Consciência Negra
 * too, and RJ replaces the national Carnaval Tuesday entry). So national and state holidays are read
 * from separate instances and united: a state can only add days off, never remove national ones.
 *
 * Holidays are taken by their local calendar `date`, never by `start`/`end` instants, so the
 * library's time zone handling does not matter here.
 */
export interface HolidaySelection {
  state?: string;
  includeCarnival: boolean;
  includeCorpusChristi: boolean;
}

/** Holiday names as written in the federal calendar (Portaria MGI) instead of the library's. */
const NATIONAL_NAMES: Record<string, string> = {
  '01-01': 'Confraternização Universal',
  'easter -48': 'Carnaval',
  'easter -47': 'Carnaval',
  'easter -2': 'Paixão de Cristo (Sexta-feira Santa)',
  '04-21': 'Tiradentes',
  '05-01': 'Dia Mundial do Trabalho',
  '09-07': 'Independência do Brasil',
  '10-12': 'Nossa Senhora Aparecida',
  '11-02': 'Finados',
  '11-15': 'Proclamação da República',
  '11-20': 'Dia Nacional de Zumbi e da Consciência Negra',
  '12-25': 'Natal',
  'easter 60': 'Corpus Christi',
};

const CARNIVAL_RULES = new Set(['easter -48', 'easter -47']);
const CORPUS_CHRISTI_RULE = 'easter 60';

// Built on first use, so that importing the package (e.g. into a browser bundle) costs nothing.
let national: Holidays | undefined;
let states: ReadonlySet<string> | undefined;
const stateInstances = new Map<string, Holidays>();

function nationalInstance(): Holidays {
  national ??= new Holidays('BR');
  return national;
}
const yearCache = new Map<string, ReadonlyMap<DayNumber, string>>();

/** Returns the two-letter state code in upper case, or throws naming the bad value. */
export function normalizeState(state: string): string {
  const code = typeof state === 'string' ? state.trim().toUpperCase() : '';
  states ??= new Set(Object.keys(nationalInstance().getStates('BR') ?? {}));
  if (!states.has(code)) throw new CalendarInputError('invalidState', state);
  return code;
}

function stateInstance(state: string): Holidays {
  let instance = stateInstances.get(state);
  if (!instance) {
    instance = new Holidays('BR', state);
    stateInstances.set(state, instance);
  }
  return instance;
}

/** Non-business holidays of one year, by local day, with pt-BR names. Cached per selection and year. */
export function holidaysOfYear(year: number, selection: HolidaySelection): ReadonlyMap<DayNumber, string> {
  const key = `${selection.state ?? ''}|${selection.includeCarnival ? 1 : 0}|${selection.includeCorpusChristi ? 1 : 0}|${year}`;
  const cached = yearCache.get(key);
  if (cached) return cached;

  const days = new Map<DayNumber, string>();
  for (const holiday of nationalInstance().getHolidays(year, 'pt')) {
    const rule = holiday.rule;
    const counts =
      holiday.type === 'public' ||
      (holiday.type === 'bank' && selection.includeCarnival && CARNIVAL_RULES.has(rule)) ||
      (holiday.type === 'bank' && selection.includeCorpusChristi && rule === CORPUS_CHRISTI_RULE);
    if (counts) days.set(parseDay(holiday.date.slice(0, 10)), NATIONAL_NAMES[rule] ?? holiday.name);
  }
  if (selection.state) {
    for (const holiday of stateInstance(selection.state).getHolidays(year, 'pt')) {
      if (holiday.type !== 'public') continue;
      const day = parseDay(holiday.date.slice(0, 10));
      if (!days.has(day)) days.set(day, holiday.name);
    }
  }
  yearCache.set(key, days);
  return days;
}
