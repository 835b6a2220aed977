import type { Command } from 'commander';
import { identify } from '@vitrine/shared';
import { action, type Rendered } from './output';

const KIND_LABEL = { cpf: 'CPF', cnpj: 'CNPJ', phone: 'telefone', email: 'e-mail', unknown: 'desconhecido' };

export function identityOf(value: string): Rendered {
  const result = identify(value);
  const json = {
    kind: result.kind,
    valid: result.valid,
    normalized: result.normalized,
    ...(result.display ? { display: result.display } : {}),
    ...(result.weak ? { weak: true } : {}),
    ...(result.relay ? { relay: result.relay } : {}),
  };
  const parts = [`${KIND_LABEL[result.kind]}: ${result.valid ? 'válido' : 'inválido'}`];
  if (result.normalized) parts.push(`normalizado ${result.normalized}`);
  if (result.display && result.display !== result.normalized) parts.push(`exibição ${result.display}`);
  if (result.weak) parts.push(`chave fraca (e-mail mascarado${result.relay ? ` de ${result.relay}` : ''})`);
  return { json, text: parts.join(' · ') };
}

export function registerIdentityCommand(program: Command): void {
  program
    .command('identity')
    .description('recognise and normalise a CPF, CNPJ, phone or e-mail')
    .argument('<value>', 'the value as the customer or marketplace wrote it')
    .option('--json', 'print one JSON object')
    .action(action((value: string) => identityOf(value)));
}
