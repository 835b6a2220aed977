import type { Command } from 'commander';
import {
  CHANNELS,
  createBusinessCalendar,
  deadlineFor,
  describeRule,
  isChannelId,
  slaState,
} from '@vitrine/shared';
import { action, UsageError, type Rendered } from './output';

interface SlaDueOptions {
  channel: string;
  opened: string;
  state?: string;
  tz?: string;
  reported?: string;
  carnival?: boolean;
  corpusChristi?: boolean;
  holiday?: string[];
}

// An instant must carry its offset: "2026-11-19T15:00" alone would silently mean the machine's zone.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function parseInstant(value: string, flag: string): Date {
  const date = new Date(value);
  if (!ISO_WITH_OFFSET.test(value) || Number.isNaN(date.getTime())) {
    throw new UsageError(
      `${flag} must be an ISO-8601 instant with an offset, like 2026-11-19T15:00:00-03:00 (got "${value}")`,
    );
  }
  return date;
}

export function slaDue(opts: SlaDueOptions, now = new Date()): Rendered {
  if (!isChannelId(opts.channel)) {
    throw new UsageError(`unknown channel "${opts.channel}"; use one of: ${CHANNELS.join(', ')}`);
  }
  const receivedAt = parseInstant(opts.opened, '--opened');
  const reportedDueAt = opts.reported ? parseInstant(opts.reported, '--reported') : undefined;
  const calendar = createBusinessCalendar({
    timeZone: opts.tz,
    state: opts.state?.toUpperCase(),
    includeCarnival: opts.carnival,
    includeCorpusChristi: opts.corpusChristi,
    customHolidays: opts.holiday,
  });
  const deadline = deadlineFor({ channel: opts.channel, receivedAt, calendar, reportedDueAt });
  const state = slaState(deadline, now, calendar);
  const iso = (d: Date) => calendar.localIsoString(d);
  const json = {
    channel: deadline.channel,
    openedAt: iso(receivedAt),
    dueAt: iso(deadline.dueAt),
    computedDueAt: iso(deadline.computedDueAt),
    ...(deadline.reportedDueAt ? { reportedDueAt: iso(deadline.reportedDueAt) } : {}),
    source: deadline.source,
    rule: deadline.rule,
    ruleDescription: describeRule(deadline.rule, 'pt-BR'),
    timeZone: calendar.timeZone,
    ...(calendar.state ? { state: calendar.state } : {}),
    status: state.status,
    msLeft: state.msLeft,
    businessMsLeft: state.businessMsLeft,
  };
  const source =
    deadline.source === 'marketplace' ? 'informado pelo marketplace' : `calculado: ${json.ruleDescription}`;
  const text = [
    `Canal:    ${deadline.channel}`,
    `Recebida: ${json.openedAt}`,
    `Prazo:    ${json.dueAt} (${source})`,
    `Situação agora: ${state.status}`,
  ].join('\n');
  return { json, text };
}

export function registerSlaCommands(program: Command): void {
  const sla = program.command('sla').description('reply deadlines (prazos de resposta)');
  sla
    .command('due')
    .description('when a message received on a channel must be answered')
    .requiredOption('--channel <id>', `channel: ${CHANNELS.join(', ')}`)
    .requiredOption('--opened <iso>', 'when the message was received (ISO-8601 with offset)')
    .option('--state <UF>', 'count the holidays of this state too (e.g. SP)')
    .option('--tz <zone>', 'IANA time zone of the store (default America/Sao_Paulo)')
    .option('--reported <iso>', 'deadline reported by the marketplace (wins over the computed one)')
    .option('--carnival', 'treat Carnaval Monday and Tuesday as non-business days')
    .option('--corpus-christi', 'treat Corpus Christi as a non-business day')
    .option('--holiday <YYYY-MM-DD...>', 'extra non-business dates (municipal holidays, closures)')
    .option('--json', 'print one JSON object')
    .action(action((opts: SlaDueOptions) => slaDue(opts)));
}
