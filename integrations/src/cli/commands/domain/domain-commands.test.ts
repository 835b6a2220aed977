import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkReplyText, parseAttachment } from './check-reply';
import { duplicatesIn } from './duplicates';
import { identityOf } from './identity';
import { UsageError } from './output';
import { slaDue } from './sla';
import { trackingOf } from './tracking';

describe('vitrine sla due', () => {
  it('skips Consciência Negra: a MadeiraMadeira message on Thu 19 Nov 2026 is due Tue 24 at 23:59:59', () => {
    const out = slaDue({ channel: 'madeiramadeira', opened: '2026-11-19T15:00:00-03:00' });
    expect(out.json).toMatchObject({ dueAt: '2026-11-24T23:59:59-03:00', source: 'policy' });
  });

  it('reads an instant given in UTC on its local day', () => {
    // 01:30 UTC on Saturday is still Friday 22:30 in São Paulo: two business days after Friday.
    const out = slaDue({ channel: 'madeiramadeira', opened: '2026-11-28T01:30:00Z' });
    expect(out.json).toMatchObject({
      openedAt: '2026-11-27T22:30:00-03:00',
      dueAt: '2026-12-01T23:59:59-03:00',
    });
  });

  it('lets a deadline reported by the marketplace win, keeping the computed one', () => {
    const out = slaDue({
      channel: 'madeiramadeira',
      opened: '2026-11-19T15:00:00-03:00',
      reported: '2026-11-23T12:00:00-03:00',
    });
    expect(out.json).toMatchObject({
      dueAt: '2026-11-23T12:00:00-03:00',
      computedDueAt: '2026-11-24T23:59:59-03:00',
      source: 'marketplace',
    });
  });

  it('refuses an unknown channel and an instant without offset, naming the fix', () => {
    expect(() => slaDue({ channel: 'orkut', opened: '2026-11-19T15:00:00-03:00' })).toThrow(
      /unknown channel "orkut"; use one of: madeiramadeira/,
    );
    expect(() => slaDue({ channel: 'americanas', opened: '2026-11-19T15:00' })).toThrow(UsageError);
  });
});

describe('vitrine check-reply', () => {
  it('blocks an outside WhatsApp contact on MadeiraMadeira and passes a refund notice', () => {
    const bad = checkReplyText('Me chama no WhatsApp (11) 98888-7777 que resolvo rapidinho', {
      channel: 'madeiramadeira',
    });
    expect(bad.json).toMatchObject({ ok: false });
    expect((bad.json as { findings: { rule: string }[] }).findings.map((f) => f.rule)).toContain(
      'off_platform_contact',
    );

    const good = checkReplyText(
      'Olá! Seu estorno de R$ 129,90 referente ao pedido 7001234 foi solicitado hoje (22/11).',
      { channel: 'madeiramadeira' },
    );
    expect(good.json).toEqual({ ok: true, findings: [] });
  });

  it('blocks a 3 MB attachment on Americanas', () => {
    const out = checkReplyText('Segue a nota fiscal.', {
      channel: 'americanas',
      attachment: ['nf.pdf:3000000'],
    });
    expect((out.json as { findings: { rule: string }[] }).findings.map((f) => f.rule)).toContain(
      'attachment_too_large',
    );
  });

  it('parses attachment specs and rejects malformed ones', () => {
    expect(parseAttachment('foto:caixa.jpg:1200')).toEqual({ name: 'foto:caixa.jpg', bytes: 1200 });
    expect(() => parseAttachment('nota.pdf')).toThrow(/<name>:<bytes>/);
    expect(() => parseAttachment('nota.pdf:2MB')).toThrow(UsageError);
  });
});

describe('vitrine identity / tracking', () => {
  it('normalises a WhatsApp number without the ninth digit', () => {
    expect(identityOf('554198765432').json).toMatchObject({
      kind: 'phone',
      valid: true,
      normalized: '+5541998765432',
    });
  });

  it('recognises a CPF and an alphanumeric CNPJ', () => {
    expect(identityOf('111.444.777-35').json).toMatchObject({
      kind: 'cpf',
      valid: true,
      normalized: '11144477735',
    });
    expect(identityOf('12.ABC.345/01DE-35').json).toMatchObject({ kind: 'cnpj', valid: true });
  });

  it('gives a Correios code its public link and flags a wrong check digit', () => {
    const ok = trackingOf(' aa 123456785 br', {}).json as {
      carrier: string;
      valid: boolean;
      normalized: string;
      url: string;
    };
    expect(ok).toMatchObject({ carrier: 'correios', valid: true, normalized: 'AA123456785BR' });
    expect(ok.url).toContain('AA123456785BR');
    expect(trackingOf('AA123456789BR', {}).json).toMatchObject({ carrier: 'correios', valid: false });
  });
});

describe('vitrine duplicates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-dup-'));
  const write = (name: string, body: string) => {
    const file = join(dir, name);
    writeFileSync(file, body);
    return file;
  };

  it('links a MadeiraMadeira session and a WhatsApp ticket by phone, explaining why', () => {
    const file = write(
      'contacts.json',
      JSON.stringify({
        contacts: [
          { id: 'mm-1', channel: 'madeiramadeira', phone: '41 99876-5432', orderNumbers: ['7001234'] },
          { id: 'wa-1', channel: 'whatsapp', phone: '554198765432' },
          { id: 'em-9', channel: 'email', email: 'outra.pessoa@example.com' },
        ],
      }),
    );
    const out = duplicatesIn(file).json as {
      groups: string[][];
      links: { a: string; b: string; reason: string }[];
    };
    expect(out.groups).toEqual([['mm-1', 'wa-1']]);
    expect(out.links).toHaveLength(1);
    expect(out.links[0]!.reason).toMatch(/telefone \+55 41 99876-5432/);
  });

  it('explains a malformed file instead of crashing', () => {
    expect(() => duplicatesIn(write('bad.json', '{"contacts": [{"channel": "email"}]}'))).toThrow(
      /contacts\.0\.id/,
    );
    expect(() => duplicatesIn(write('broken.json', '{"contacts": ['))).toThrow(/not valid JSON/);
    expect(() => duplicatesIn(join(dir, 'missing.json'))).toThrow(/cannot read .*ENOENT/);
  });
});
