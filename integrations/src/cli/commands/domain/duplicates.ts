import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { groupDuplicateContacts } from '@vitrine/shared';
import { action, UsageError, type Rendered } from './output';

const ContactsFile = z.object({
  contacts: z.array(
    z.object({
      id: z.union([z.string().min(1), z.number()]).transform(String),
      channel: z.string(),
      email: z.string().optional(),
      phone: z.string().optional(),
      document: z.string().optional(),
      orderNumbers: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
      text: z.string().optional(),
      name: z.string().optional(),
    }),
  ),
});

export function loadContacts(file: string): z.infer<typeof ContactsFile>['contacts'] {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (err) {
    throw new UsageError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = ContactsFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(
      `${file}: ${issue.path.join('.') || '(root)'}: ${issue.message} — expected {"contacts": [{"id", "channel", "email"?, "phone"?, "document"?, "orderNumbers"?, "text"?}]}`,
    );
  }
  return parsed.data.contacts;
}

export function duplicatesIn(file: string): Rendered {
  const contacts = loadContacts(file);
  const result = groupDuplicateContacts(contacts);
  const json = {
    groups: result.groups,
    links: result.links.map(({ a, b, reason }) => ({ a, b, reason })),
  };
  const text =
    result.groups.length === 0
      ? `Nenhum contato duplicado entre ${contacts.length} contatos.`
      : [
          `${result.groups.length} grupo(s) de contatos do mesmo cliente ou pedido:`,
          ...result.groups.map((group, i) => `  ${i + 1}. ${group.join(', ')}`),
          'Por quê:',
          ...result.links.map((link) => `  ${link.a} ↔ ${link.b}: ${link.reason}`),
        ].join('\n');
  return { json, text };
}

export function registerDuplicatesCommand(program: Command): void {
  program
    .command('duplicates')
    .description('group contacts that belong to the same customer or order, explaining each link')
    .requiredOption('--file <contacts.json>', 'a JSON file {"contacts": [...]}')
    .option('--json', 'print one JSON object')
    .action(action((opts: { file: string }) => duplicatesIn(opts.file)));
}
