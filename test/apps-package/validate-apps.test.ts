import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { validateAppPackage } from '../../scripts/apps/rules';
import { packageApp } from '../../scripts/apps/package';
import { drawLogo } from '../../scripts/apps/make-logos';
import { encodePng } from '../../scripts/apps/png';
import { zendeskCredentials } from '../../scripts/apps/zcli';

const SIDEBAR = path.join(__dirname, '../../apps/ticket-sidebar');
const LOGO = drawLogo(320);
const LOGO_SMALL = drawLogo(128);

let dir: string;

/** A copy of the real sidebar package (manifest, translations, requirements) with logos and an iframe page. */
function makeValidPackage(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-app-'));
  fs.copyFileSync(path.join(SIDEBAR, 'manifest.json'), path.join(root, 'manifest.json'));
  fs.copyFileSync(path.join(SIDEBAR, 'requirements.json'), path.join(root, 'requirements.json'));
  fs.cpSync(path.join(SIDEBAR, 'translations'), path.join(root, 'translations'), { recursive: true });
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'assets/iframe.html'), '<!doctype html><script src="./main.js"></script>');
  fs.writeFileSync(path.join(root, 'assets/logo.png'), LOGO);
  fs.writeFileSync(path.join(root, 'assets/logo-small.png'), LOGO_SMALL);
  fs.mkdirSync(path.join(root, 'src'));
  fs.writeFileSync(path.join(root, 'src/App.tsx'), 'export {}');
  return root;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures are edited freely to break rules
function editJson(file: string, edit: (json: any) => void): void {
  const full = path.join(dir, file);
  const json = JSON.parse(fs.readFileSync(full, 'utf8'));
  edit(json);
  fs.writeFileSync(full, JSON.stringify(json));
}

const errors = () => validateAppPackage(dir).errors;
const warnings = () => validateAppPackage(dir).warnings;

beforeEach(() => {
  dir = makeValidPackage();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the sidebar package as written passes every rule', () => {
  expect(validateAppPackage(dir)).toEqual({ errors: [], warnings: [] });
});

describe('manifest.json', () => {
  test('must exist and be JSON', () => {
    fs.writeFileSync(path.join(dir, 'manifest.json'), '{ "name": ');
    expect(errors()).toEqual([expect.stringMatching(/^manifest\.json: not valid JSON/)]);
    fs.rmSync(path.join(dir, 'manifest.json'));
    expect(errors()).toEqual(['manifest.json: missing']);
  });

  test('only framework version 2.0 can be served', () => {
    editJson('manifest.json', (m) => (m.frameworkVersion = '1.0'));
    expect(errors()).toContain('manifest.json: frameworkVersion "1.0" cannot be served; use "2.0"');
    editJson('manifest.json', (m) => delete m.frameworkVersion);
    expect(errors()).toContain('manifest.json: "frameworkVersion" is required; use "2.0"');
  });

  test('needs an author with name and e-mail', () => {
    editJson('manifest.json', (m) => delete m.author.email);
    expect(errors()).toContain('manifest.json: "author.email" is required');
    editJson('manifest.json', (m) => delete m.author);
    expect(errors()).toContain('manifest.json: "author" is required ({ "name", "email", "url"? })');
  });

  test('the default locale needs its translation file', () => {
    fs.rmSync(path.join(dir, 'translations/pt-BR.json'));
    expect(errors()).toContain(
      'manifest.json: defaultLocale is "pt-BR" but translations/pt-BR.json is missing',
    );
    editJson('manifest.json', (m) => (m.defaultLocale = 'portuguese'));
    expect(errors()).toContain('manifest.json: "defaultLocale" "portuguese" is not a locale like "pt-BR"');
  });

  test('location URLs must exist in the package or be https/localhost', () => {
    fs.rmSync(path.join(dir, 'assets/iframe.html'));
    expect(errors()).toContain(
      'manifest.json: location.support.ticket_sidebar.url points at assets/iframe.html, which is not in the package (build the app first)',
    );
    editJson('manifest.json', (m) => {
      m.location.support.ticket_sidebar.url = 'http://sidebar.example.com/';
      m.location.support.new_ticket_sidebar.url = 'http://localhost:5173/iframe.html';
    });
    expect(errors()).toEqual([
      'manifest.json: location.support.ticket_sidebar.url "http://sidebar.example.com/" must be https://, http://localhost or a file in assets/',
    ]);
  });

  test('flexible must be a boolean and locations must exist', () => {
    editJson('manifest.json', (m) => {
      m.location.support.ticket_sidebar.flexible = 'yes';
      m.location.support.ticket_sidbar = { url: 'assets/iframe.html' };
    });
    expect(errors()).toEqual([
      'manifest.json: location.support.ticket_sidebar.flexible must be true or false',
      'manifest.json: unknown Support location "ticket_sidbar"',
    ]);
  });

  test('a top bar location needs its icon', () => {
    editJson('manifest.json', (m) => (m.location.support.top_bar = { url: 'assets/iframe.html' }));
    expect(errors()).toEqual(['assets/icon_top_bar.svg: missing; the top_bar location needs its icon']);
    fs.writeFileSync(path.join(dir, 'assets/icon_top_bar.svg'), '<svg/>');
    expect(errors()).toEqual([]);
  });
});

describe('parameters', () => {
  test('secure parameters need valid scopes', () => {
    editJson('manifest.json', (m) => (m.parameters[2].scopes = ['jwt_secret', 'header']));
    expect(errors()).toEqual([
      'manifest.json: parameter "serviceSecret": scope "jwt_secret" is not one of header, body, url, jwt_secret_key, jwt_claim, basic_auth_username, basic_auth_password',
    ]);
    editJson('manifest.json', (m) => delete m.parameters[2].scopes);
    expect(errors()).toEqual([]);
    expect(warnings()).toEqual([
      'manifest.json: parameter "serviceSecret": secure parameter without "scopes"; declare where the proxy may use it',
    ]);
  });

  test('scopes on a non-secure parameter are an error', () => {
    editJson('manifest.json', (m) => (m.parameters[0].scopes = ['url']));
    expect(errors()).toEqual([
      'manifest.json: parameter "serviceUrl": "scopes" only apply to secure parameters',
    ]);
  });

  test('types, names and combinations Zendesk refuses', () => {
    editJson('manifest.json', (m) => {
      m.parameters[0].type = 'password';
      m.parameters.push({ name: 'tenantId', type: 'text' });
      m.parameters.push({ name: 'name', type: 'text' });
      m.parameters.push({ name: 'debug', type: 'hidden', required: true });
    });
    expect(errors()).toEqual([
      'manifest.json: parameter "serviceUrl": type "password" is not one of text, checkbox, url, number, multiline, hidden, oauth',
      'manifest.json: parameter "tenantId": declared twice',
      'manifest.json: parameter "name": "name" is reserved; rename the parameter',
      'manifest.json: parameter "debug": a hidden parameter cannot be required',
    ]);
  });

  test('a credential-looking text setting should be secure', () => {
    editJson('manifest.json', (m) => m.parameters.push({ name: 'apiToken', type: 'text' }));
    expect(warnings()).toContain(
      'manifest.json: parameter "apiToken": looks like a credential; make it "secure": true',
    );
  });
});

describe('translations', () => {
  test('en.json must exist and name the app', () => {
    editJson('translations/en.json', (t) => delete t.app.name);
    expect(errors()).toEqual(['translations/en.json: "app.name" is required']);
    fs.rmSync(path.join(dir, 'translations/en.json'));
    expect(errors()).toEqual(['translations/en.json: missing (Zendesk requires it)']);
  });

  test('a public app needs its listing texts in both checked locales', () => {
    editJson('manifest.json', (m) => (m.private = false));
    expect(errors()).toEqual([]);
    editJson('translations/pt-BR.json', (t) => delete t.app.long_description);
    expect(errors()).toEqual(['translations/pt-BR.json: "app.long_description" is required']);
  });

  test('parameter translations must be objects with a label', () => {
    editJson('translations/en.json', (t) => (t.app.parameters.serviceUrl = 'Service URL'));
    expect(errors()).toEqual([
      'translations/en.json: app.parameters.serviceUrl must be an object with "label"',
    ]);
    expect(warnings()).toEqual([
      'translations/en.json: no label for parameter "serviceUrl" (admins see the raw name)',
    ]);
  });

  test('file names must be locales', () => {
    fs.writeFileSync(path.join(dir, 'translations/portugues.json'), '{}');
    expect(errors()).toEqual(['translations/portugues.json: file name must be a locale, e.g. pt-BR.json']);
  });
});

describe('logos', () => {
  test('must be PNGs of the documented sizes', () => {
    fs.writeFileSync(path.join(dir, 'assets/logo.png'), drawLogo(128));
    fs.writeFileSync(path.join(dir, 'assets/logo-small.png'), Buffer.from('\xff\xd8\xff\xe0 JFIF', 'latin1'));
    expect(errors()).toEqual([
      'assets/logo.png: is 128×128, must be 320×320',
      'assets/logo-small.png: not a PNG file',
    ]);
    fs.rmSync(path.join(dir, 'assets/logo-small.png'));
    expect(errors()).toContain('assets/logo-small.png: missing (128×128 PNG required)');
  });

  test('an optional banner must have a banner size', () => {
    fs.writeFileSync(path.join(dir, 'assets/banner.png'), encodePng(2, 2, new Uint8Array(16)));
    expect(errors()).toEqual(['assets/banner.png: must be a PNG of 830×200 or 1660×400']);
  });
});

describe('requirements.json', () => {
  test('only known requirement types', () => {
    editJson('requirements.json', (r) => (r.ticket_forms = { a: { title: 'x' } }));
    expect(errors()).toEqual([
      'requirements.json: unknown requirement type "ticket_forms" (allowed: automations, channel_integrations, custom_objects, macros, targets, views, ticket_fields, triggers, user_fields, organization_fields, webhooks, custom_objects_v2)',
    ]);
  });

  test('titles, keys and webhook fields', () => {
    editJson('requirements.json', (r) => {
      delete r.ticket_fields.vitrine_marketplace.title;
      delete r.webhooks.vitrine_events.endpoint;
      r.user_fields = { cpf: { type: 'text', title: 'CPF' } };
    });
    expect(errors()).toEqual([
      'requirements.json: ticket_fields.vitrine_marketplace needs a "title"',
      'requirements.json: webhooks.vitrine_events needs "endpoint"',
      'requirements.json: user_fields.cpf needs a "key"',
    ]);
  });

  test('legacy HTTP targets are refused', () => {
    editJson('requirements.json', (r) => (r.targets = { old: { title: 'Old', type: 'http_target' } }));
    expect(errors()).toEqual([
      'requirements.json: targets.old: target type "http_target" is no longer accepted; use a webhook',
    ]);
  });

  test('at most 5000 requirements', () => {
    editJson('requirements.json', (r) => {
      r.macros = {};
      for (let i = 0; i < 5000; i++) r.macros[`m${i}`] = { title: `Macro ${i}`, actions: [] };
    });
    expect(errors()).toEqual(['requirements.json: 5008 requirements, the limit is 5000']);
  });

  test('must be JSON, and triggers must notify a declared webhook', () => {
    editJson('requirements.json', (r) => (r.triggers.vitrine_solved.actions[0].value[0] = 'vitrine_evnts'));
    expect(warnings()).toEqual([
      'requirements.json: triggers.vitrine_solved notifies webhook "vitrine_evnts", which is not declared',
    ]);
    fs.writeFileSync(path.join(dir, 'requirements.json'), '{ "ticket_fields": ');
    expect(errors()).toEqual([expect.stringMatching(/^requirements\.json: not valid JSON/)]);
  });

  test('custom objects v2 limits', () => {
    editJson('requirements.json', (r) => {
      r.custom_objects_v2 = {
        objects: [
          { key: 'pedido', title: 'Pedido', title_pluralized: 'Pedidos', include_in_list_view: true },
        ],
        object_fields: Array.from({ length: 21 }, (_, i) => ({
          key: `f${i}`,
          title: `F${i}`,
          type: 'text',
          object_key: 'pedido',
        })),
      };
    });
    expect(errors()).toEqual([
      'requirements.json: custom_objects_v2: object "pedido" has 21 fields, the limit is 20',
    ]);
  });
});

describe('package:apps', () => {
  test('zips only the package files, at the archive root', () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-dist-'));
    try {
      const { zipPath } = packageApp({ name: 'ticket-sidebar', dir }, dist);
      expect(path.basename(zipPath)).toBe('ticket-sidebar-0.1.0.zip');
      const entries = unzipSync(fs.readFileSync(zipPath));
      expect(Object.keys(entries).sort()).toEqual([
        'assets/iframe.html',
        'assets/logo-small.png',
        'assets/logo.png',
        'manifest.json',
        'requirements.json',
        'translations/en.json',
        'translations/pt-BR.json',
      ]);
      expect(JSON.parse(strFromU8(entries['manifest.json']!)).frameworkVersion).toBe('2.0');
      expect(Buffer.from(entries['assets/logo.png']!).equals(LOGO)).toBe(true);
    } finally {
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });

  test('refuses to package an invalid app', () => {
    fs.rmSync(path.join(dir, 'assets/logo.png'));
    expect(() => packageApp({ name: 'ticket-sidebar', dir }, os.tmpdir())).toThrow(
      /assets\/logo\.png: missing/,
    );
  });
});

test('requirements.json with a key written twice is refused (JSON.parse would hide it)', () => {
  const text = fs.readFileSync(path.join(dir, 'requirements.json'), 'utf8');
  fs.writeFileSync(
    path.join(dir, 'requirements.json'),
    text.replace(
      '"ticket_fields": {',
      '"ticket_fields": {\n    "vitrine_order_number": { "type": "text", "title": "x" },',
    ),
  );
  expect(errors()).toEqual(['requirements.json: duplicate keys "vitrine_order_number"']);
});

test('setting placeholders must name declared parameters (manifest, requirements and built assets)', () => {
  fs.writeFileSync(
    path.join(dir, 'assets/main.js'),
    "request({ jwt: { secret_key: '{{setting.serviceSecret}}' }, url: '{{ setting.serviceURL }}/x' })",
  );
  editJson(
    'requirements.json',
    (r) => (r.webhooks.vitrine_events.endpoint = '{{setting.serviceUrl}}/w/{{setting.tenant}}'),
  );
  expect(errors()).toEqual([
    'requirements.json: uses {{setting.tenant}}, but the manifest declares no parameter "tenant"',
    'assets/main.js: uses {{setting.serviceURL}}, but the manifest declares no parameter "serviceURL"',
  ]);
});

describe('the validate:apps command', () => {
  const run = (env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [path.join(__dirname, '../../scripts/apps/validate.js'), dir], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, ...env },
    });

  test('exits non-zero and names each error', () => {
    fs.rmSync(path.join(dir, 'assets/logo.png'));
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('1 error(s)');
    expect(result.stdout).toContain('  error: assets/logo.png: missing (320×320 PNG required)');
  });

  test('passes a valid package and says why the online check was skipped', () => {
    const result = run({ ZENDESK_SUBDOMAIN: 'lojateste' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('0 error(s), 0 warning(s)');
    expect(result.stdout).toContain('online: skipped (set ZENDESK_SUBDOMAIN and ZENDESK_OAUTH_TOKEN');
  });
});

test('zcli runs only with a subdomain and a credential', () => {
  expect(zendeskCredentials({})).toBeNull();
  expect(zendeskCredentials({ ZENDESK_SUBDOMAIN: 'loja' })).toBeNull();
  expect(zendeskCredentials({ ZENDESK_SUBDOMAIN: 'loja', ZENDESK_EMAIL: 'a@b.c' })).toBeNull();
  expect(zendeskCredentials({ ZENDESK_SUBDOMAIN: 'loja', ZENDESK_OAUTH_TOKEN: 't' })).toEqual({
    subdomain: 'loja',
  });
  expect(
    zendeskCredentials({ ZENDESK_SUBDOMAIN: 'loja', ZENDESK_EMAIL: 'a@b.c', ZENDESK_API_TOKEN: 't' }),
  ).toEqual({ subdomain: 'loja' });
});

test('a page loading its script from the site root is flagged (assets live under a prefix)', () => {
  fs.writeFileSync(path.join(dir, 'assets/iframe.html'), '<script type="module" src="/main.js"></script>');
  expect(warnings()).toEqual([
    'assets/iframe.html: loads /main.js from the site root; use a relative URL (./…)',
  ]);
});
