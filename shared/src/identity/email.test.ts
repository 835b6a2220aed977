import { normalizeEmail } from '.';

describe('normalizeEmail', () => {
  it('trims and lower-cases what customers type', () => {
    expect(normalizeEmail('  Joao.Silva@Gmail.COM ')).toEqual({ email: 'joao.silva@gmail.com', weak: false });
    expect(normalizeEmail('mailto:ANA@uol.com.br')?.email).toBe('ana@uol.com.br');
    expect(normalizeEmail('Ana Souza <Ana.Souza@Empresa.com.br>')?.email).toBe('ana.souza@empresa.com.br');
    expect(normalizeEmail('maria@hotmail.com.')?.email).toBe('maria@hotmail.com');
  });

  it('keeps +tags and dots: two real inboxes must never be merged by guesswork', () => {
    expect(normalizeEmail('joao+loja@gmail.com')?.email).toBe('joao+loja@gmail.com');
  });

  it('rejects what is not an address', () => {
    for (const raw of [
      '',
      'joao',
      'joao@',
      '@gmail.com',
      'joao@gmail',
      'jo ao@gmail.com',
      'a@b@c.com',
      'joao@gmail.c0m',
    ]) {
      expect(normalizeEmail(raw)).toBeNull();
    }
  });

  it('recognises marketplace relay addresses as weak keys', () => {
    expect(normalizeEmail('c8f2a1b9e7@madeiramadeira.com.br')).toEqual({
      email: 'c8f2a1b9e7@madeiramadeira.com.br',
      weak: true,
      relay: 'madeiramadeira',
    });
    expect(normalizeEmail('rnevesc.pm8t8ry+2-ogq4tinjsheztgmzy@mail.mercadolivre.com')).toMatchObject({
      weak: true,
      relay: 'mercadolivre',
    });
    expect(normalizeEmail('fernan.s0wjb7@mail.mercadolibre.com')?.relay).toBe('mercadolivre');
    expect(normalizeEmail('d9e820873bd643d1afe0af1a445f455f@ct.vtex.com.br')?.relay).toBe('vtex');
    expect(normalizeEmail('atendimento@americanas.com')?.relay).toBe('americanas');
  });

  it('does not mistake look-alike domains for relays', () => {
    expect(normalizeEmail('joao@mercadolivre.com.br.example.com')?.weak).toBe(false);
    expect(normalizeEmail('joao@notmadeiramadeira.com.br')?.weak).toBe(false);
  });

  it('marks placeholder addresses as weak', () => {
    expect(normalizeEmail('naotem@naotem.com')?.weak).toBe(true);
    expect(normalizeEmail('sem@email.com')?.weak).toBe(true);
  });
});
