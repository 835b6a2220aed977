import type { Command } from 'commander';
import { CHANNELS, checkReply, isChannelId, resolveLocale } from '@vitrine/shared';
import { action, readStdin, UsageError, type Rendered } from './output';

interface CheckReplyOptions {
  channel: string;
  attachment?: string[];
  locale?: string;
}

/** `nota-fiscal.pdf:2500000` → { name, bytes }. The name may itself contain colons. */
export function parseAttachment(spec: string): { name: string; bytes: number } {
  const at = spec.lastIndexOf(':');
  const name = at > 0 ? spec.slice(0, at) : '';
  const bytesText = at > 0 ? spec.slice(at + 1) : '';
  if (!name || !/^\d+$/.test(bytesText)) {
    throw new UsageError(`--attachment must look like <name>:<bytes>, e.g. nota.pdf:250000 (got "${spec}")`);
  }
  return { name, bytes: Number(bytesText) };
}

export function checkReplyText(text: string, opts: CheckReplyOptions): Rendered {
  if (!isChannelId(opts.channel)) {
    throw new UsageError(`unknown channel "${opts.channel}"; use one of: ${CHANNELS.join(', ')}`);
  }
  const attachments = (opts.attachment ?? []).map(parseAttachment);
  const locale = resolveLocale(opts.locale);
  const result = checkReply({ channel: opts.channel, text, attachments, locale });
  const json = {
    ok: result.ok,
    findings: result.findings.map(({ rule, severity, excerpt, message }) => ({
      rule,
      severity,
      excerpt,
      message,
    })),
  };
  const text_ =
    result.findings.length === 0
      ? locale === 'en'
        ? 'OK: nothing in this reply breaks the channel rules.'
        : 'OK: nada nesta resposta fere as regras do canal.'
      : result.findings
          .map(
            (f) =>
              `${f.severity === 'block' ? 'BLOQUEIA' : 'AVISO'} [${f.rule}] "${f.excerpt}" — ${f.message}`,
          )
          .join('\n');
  return { json, text: text_ };
}

export function registerCheckReplyCommand(program: Command): void {
  program
    .command('check-reply')
    .description("check a reply (read from stdin) against the channel's rules before sending it")
    .requiredOption('--channel <id>', `channel: ${CHANNELS.join(', ')}`)
    .option(
      '--attachment <name:bytes>',
      'an attachment and its size in bytes (repeatable)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--locale <tag>', 'language of the messages: pt-BR (default) or en')
    .option('--json', 'print one JSON object')
    .action(action(async (opts: CheckReplyOptions) => checkReplyText(await readStdin(), opts)));
}
