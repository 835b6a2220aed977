import { Writable } from 'node:stream';
import { createLogger } from './logger';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger({ destination }), text: () => lines.join('') };
}

describe('log redaction', () => {
  it('never writes tokens, secrets, credentials or authorization headers', () => {
    const { log, text } = capture();
    log.info({
      req: { headers: { authorization: 'Basic c2VjcmV0' } },
      headers: { authorization: 'Bearer abc-token-1' },
      tenant: { credentials: { token: 'TOKENMM-123' }, apiToken: 'zd-api-token-9' },
      accessToken: 'APP_USR-ml-777',
      config: { secretKey: 'base64-secret-key', headers: { Authorization: 'Bearer x-555' } },
    });
    const out = text();
    for (const secret of [
      'c2VjcmV0',
      'abc-token-1',
      'TOKENMM-123',
      'zd-api-token-9',
      'APP_USR-ml-777',
      'base64-secret-key',
      'x-555',
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('[redacted]');
  });

  it('keeps the rest of the line', () => {
    const { log, text } = capture();
    log.info({ tenant: 'loja', stream: 'mercadolivre.messages', records: 12 }, 'page synced');
    expect(JSON.parse(text())).toMatchObject({
      tenant: 'loja',
      stream: 'mercadolivre.messages',
      records: 12,
      msg: 'page synced',
    });
  });
});
