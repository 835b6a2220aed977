import type { Command } from 'commander';
import { CARRIERS, parseTrackingCode, type Carrier } from '@vitrine/shared';
import { action, UsageError, type Rendered } from './output';

export function trackingOf(code: string, opts: { carrier?: string }): Rendered {
  if (opts.carrier !== undefined && !(CARRIERS as readonly string[]).includes(opts.carrier)) {
    throw new UsageError(`unknown carrier "${opts.carrier}"; use one of: ${CARRIERS.join(', ')}`);
  }
  const parsed = parseTrackingCode(code, opts.carrier as Carrier | undefined);
  const json = {
    carrier: parsed.carrier,
    valid: parsed.valid,
    normalized: parsed.normalized,
    url: parsed.url,
  };
  const text = parsed.carrier
    ? `${parsed.carrier}: ${parsed.valid ? 'código válido' : 'código inválido'} ${parsed.normalized ?? ''}${
        parsed.url ? `\n${parsed.url}` : ''
      }`.trim()
    : 'Transportadora não reconhecida para este código.';
  return { json, text };
}

export function registerTrackingCommand(program: Command): void {
  program
    .command('tracking')
    .description('recognise a tracking code (Correios, Jadlog, Azul Cargo) and give its public link')
    .argument('<code>', 'the tracking code')
    .option('--carrier <name>', `hint: ${CARRIERS.join(', ')}`)
    .option('--json', 'print one JSON object')
    .action(action((code: string, opts: { carrier?: string }) => trackingOf(code, opts)));
}
