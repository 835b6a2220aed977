// Offline checks of a Zendesk app package, mirroring the rules Zendesk's server-side validator
// (zendesk_apps_support) applies at upload time: `zcli apps:validate` needs a live account, so a
// broken manifest would otherwise only surface when someone tries to install the app.
// Each finding names the file and tells the developer what to change.
const fs = require('node:fs');
const path = require('node:path');
const { readPngSize } = require('./png');

const MANIFEST_KEYS = [
  'name',
  'author',
  'defaultLocale',
  'private',
  'location',
  'version',
  'frameworkVersion',
  'singleInstall',
  'signedUrls',
  'parameters',
  'domainWhitelist',
  'requirementsOnly',
  'marketingOnly',
  'oauth',
  'experiments',
  'noTemplate',
  'remoteInstallationURL',
  'termsConditionsURL',
  'gaID',
];
const SERVABLE_FRAMEWORK_VERSION = '2.0';
const LOCALE = /^[a-z]{2,3}(-\w{2,3})?$/;
const PRODUCTS = ['support', 'chat', 'standalone_chat', 'sell', 'zendesk', 'zopim'];
const SUPPORT_LOCATIONS = [
  'top_bar',
  'nav_bar',
  'ticket_sidebar',
  'new_ticket_sidebar',
  'user_sidebar',
  'organization_sidebar',
  'background',
  'modal',
  'ticket_editor',
  'system_top_bar',
  'custom_object_record_sidebar',
];
/** Locations whose icon Zendesk draws in its own chrome, so the package must ship it. */
const LOCATIONS_WITH_ICONS = ['top_bar', 'nav_bar', 'system_top_bar', 'ticket_editor'];
const PARAMETER_TYPES = ['text', 'checkbox', 'url', 'number', 'multiline', 'hidden', 'oauth'];
const SECURE_PARAM_SCOPES = [
  'header',
  'body',
  'url',
  'jwt_secret_key',
  'jwt_claim',
  'basic_auth_username',
  'basic_auth_password',
];
/** Text settings with these names look like credentials and should be secure. */
const CREDENTIAL_NAME = /token|key|pwd|password/i;
const OAUTH_KEYS = ['client_id', 'client_secret', 'authorize_uri', 'access_token_uri'];

const REQUIREMENT_TYPES = [
  'automations',
  'channel_integrations',
  'custom_objects',
  'macros',
  'targets',
  'views',
  'ticket_fields',
  'triggers',
  'user_fields',
  'organization_fields',
  'webhooks',
  'custom_objects_v2',
];
const MAX_REQUIREMENTS = 5000;
const UNTITLED_REQUIREMENT_TYPES = [
  'channel_integrations',
  'custom_objects',
  'webhooks',
  'custom_objects_v2',
];
const WEBHOOK_REQUIRED_KEYS = ['name', 'status', 'endpoint', 'http_method', 'request_format'];
const REJECTED_TARGET_TYPES = ['http_target', 'url_target_v2'];
const CUSTOM_OBJECTS_V2_LIMITS = { objects: 50, fieldsPerObject: 20, triggersPerObject: 10 };
const MAX_REQUIREMENTS_BYTES = 1024 * 1024;

const REQUIRED_LOGOS = [
  { file: 'assets/logo.png', width: 320, height: 320 },
  { file: 'assets/logo-small.png', width: 128, height: 128 },
];
const BANNER_SIZES = [
  [830, 200],
  [1660, 400],
];

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Validates the app package in `dir` (the folder holding manifest.json).
 * @param {string} dir
 * @returns {{ errors: string[], warnings: string[] }}
 */
function validateAppPackage(dir) {
  const errors = [];
  const warnings = [];
  const exists = (relative) => fs.existsSync(path.join(dir, relative));

  const manifest = readJson(dir, 'manifest.json', errors);
  if (!isObject(manifest)) {
    if (manifest !== undefined) errors.push('manifest.json: must be a JSON object');
    return { errors, warnings };
  }

  checkManifest(manifest, exists, errors, warnings);
  const translations = checkTranslations(dir, manifest, errors, warnings);
  checkParameterLabels(manifest, translations, warnings);
  checkAssets(dir, errors);
  checkRequirements(dir, manifest, errors, warnings);
  checkSettingPlaceholders(dir, manifest, errors);
  checkRootRelativeAssets(dir, warnings);
  checkNoSymlinks(dir, errors);
  return { errors, warnings };
}

function readJson(dir, relative, errors) {
  const file = path.join(dir, relative);
  if (!fs.existsSync(file)) {
    errors.push(`${relative}: missing`);
    return undefined;
  }
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    errors.push(`${relative}: not valid JSON (${error.message})`);
    return undefined;
  }
}

function checkManifest(manifest, exists, errors, warnings) {
  for (const key of Object.keys(manifest)) {
    if (!MANIFEST_KEYS.includes(key))
      warnings.push(`manifest.json: unknown key "${key}" (Zendesk ignores it)`);
  }
  const requirementsOnly = manifest.requirementsOnly === true;
  const marketingOnly = manifest.marketingOnly === true;

  if (!isObject(manifest.author)) {
    errors.push('manifest.json: "author" is required ({ "name", "email", "url"? })');
  } else {
    for (const key of ['name', 'email']) {
      if (typeof manifest.author[key] !== 'string' || manifest.author[key] === '') {
        errors.push(`manifest.json: "author.${key}" is required`);
      }
    }
  }

  if (manifest.defaultLocale === undefined) {
    errors.push('manifest.json: "defaultLocale" is required (e.g. "pt-BR")');
  } else if (typeof manifest.defaultLocale !== 'string' || !LOCALE.test(manifest.defaultLocale)) {
    errors.push(
      `manifest.json: "defaultLocale" ${JSON.stringify(manifest.defaultLocale)} is not a locale like "pt-BR"`,
    );
  } else if (!exists(`translations/${manifest.defaultLocale}.json`)) {
    errors.push(
      `manifest.json: defaultLocale is "${manifest.defaultLocale}" but translations/${manifest.defaultLocale}.json is missing`,
    );
  }

  if (!requirementsOnly && !marketingOnly) {
    if (manifest.frameworkVersion === undefined) {
      errors.push('manifest.json: "frameworkVersion" is required; use "2.0"');
    } else if (manifest.frameworkVersion !== SERVABLE_FRAMEWORK_VERSION) {
      errors.push(
        `manifest.json: frameworkVersion ${JSON.stringify(manifest.frameworkVersion)} cannot be served; use "2.0"`,
      );
    }
    checkLocations(manifest.location, exists, errors);
  }

  checkParameters(manifest.parameters, errors, warnings);

  if (manifest.domainWhitelist !== undefined) {
    const list = manifest.domainWhitelist;
    if (!Array.isArray(list) || list.some((domain) => typeof domain !== 'string')) {
      errors.push('manifest.json: "domainWhitelist" must be an array of host names');
    }
  }
  if (manifest.experiments !== undefined && !isObject(manifest.experiments)) {
    errors.push('manifest.json: "experiments" must be an object');
  }
  if (manifest.oauth !== undefined) {
    if (!isObject(manifest.oauth)) {
      errors.push('manifest.json: "oauth" must be an object');
    } else {
      for (const key of OAUTH_KEYS) {
        if (!manifest.oauth[key]) errors.push(`manifest.json: "oauth.${key}" is required`);
      }
    }
  }
}

function checkLocations(location, exists, errors) {
  if (!isObject(location)) {
    errors.push('manifest.json: "location" must map a product to its locations, e.g. { "support": { … } }');
    return;
  }
  for (const [product, locations] of Object.entries(location)) {
    if (!PRODUCTS.includes(product)) {
      errors.push(
        `manifest.json: unknown product "${product}" in "location" (expected ${PRODUCTS.join(', ')})`,
      );
      continue;
    }
    if (!isObject(locations)) {
      errors.push(`manifest.json: location.${product} must be an object of locations`);
      continue;
    }
    for (const [name, value] of Object.entries(locations)) {
      const where = `location.${product}.${name}`;
      if (product === 'support' && !SUPPORT_LOCATIONS.includes(name)) {
        errors.push(`manifest.json: unknown Support location "${name}"`);
        continue;
      }
      const options = typeof value === 'string' ? { url: value } : value;
      if (!isObject(options) || typeof options.url !== 'string') {
        errors.push(`manifest.json: ${where} needs a "url"`);
        continue;
      }
      checkLocationUrl(options.url, where, exists, errors);
      if (options.flexible !== undefined && typeof options.flexible !== 'boolean') {
        errors.push(`manifest.json: ${where}.flexible must be true or false`);
      }
      if (
        product === 'support' &&
        LOCATIONS_WITH_ICONS.includes(name) &&
        !exists(`assets/icon_${name}.svg`)
      ) {
        errors.push(`assets/icon_${name}.svg: missing; the ${name} location needs its icon`);
      }
    }
  }
}

function checkLocationUrl(url, where, exists, errors) {
  if (/\{\{\s*setting\./.test(url)) return; // resolved per installation
  if (/^https:\/\//.test(url) || /^https?:\/\/(localhost|127\.0\.0\.1)([:/]|$)/.test(url)) return;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
    errors.push(
      `manifest.json: ${where}.url "${url}" must be https://, http://localhost or a file in assets/`,
    );
    return;
  }
  const file = url.split(/[?#]/)[0];
  if (!file.startsWith('assets/')) {
    errors.push(`manifest.json: ${where}.url "${url}" must point into assets/`);
  } else if (!exists(file)) {
    errors.push(
      `manifest.json: ${where}.url points at ${file}, which is not in the package (build the app first)`,
    );
  }
}

function checkParameters(parameters, errors, warnings) {
  if (parameters === undefined) return;
  if (!Array.isArray(parameters)) {
    errors.push('manifest.json: "parameters" must be an array');
    return;
  }
  const seen = new Set();
  let oauthCount = 0;
  parameters.forEach((parameter, index) => {
    if (!isObject(parameter) || typeof parameter.name !== 'string' || parameter.name === '') {
      errors.push(`manifest.json: parameters[${index}] needs a "name"`);
      return;
    }
    const where = `manifest.json: parameter "${parameter.name}"`;
    if (parameter.name === 'name') errors.push(`${where}: "name" is reserved; rename the parameter`);
    if (seen.has(parameter.name)) errors.push(`${where}: declared twice`);
    seen.add(parameter.name);

    const type = parameter.type ?? 'text';
    if (!PARAMETER_TYPES.includes(type)) {
      errors.push(`${where}: type "${type}" is not one of ${PARAMETER_TYPES.join(', ')}`);
    }
    if (type === 'hidden' && parameter.required === true)
      errors.push(`${where}: a hidden parameter cannot be required`);
    if (type === 'oauth') {
      oauthCount += 1;
      if (parameter.secure === true) errors.push(`${where}: an oauth parameter cannot be secure`);
    }

    if (parameter.scopes !== undefined) {
      if (!Array.isArray(parameter.scopes)) {
        errors.push(`${where}: "scopes" must be an array`);
      } else {
        for (const scope of parameter.scopes) {
          if (!SECURE_PARAM_SCOPES.includes(scope)) {
            errors.push(`${where}: scope "${scope}" is not one of ${SECURE_PARAM_SCOPES.join(', ')}`);
          }
        }
        if (parameter.secure !== true) errors.push(`${where}: "scopes" only apply to secure parameters`);
      }
    }
    if (parameter.secure === true && (parameter.scopes === undefined || parameter.scopes.length === 0)) {
      warnings.push(`${where}: secure parameter without "scopes"; declare where the proxy may use it`);
    }
    if (parameter.secure !== true && type === 'text' && CREDENTIAL_NAME.test(parameter.name)) {
      warnings.push(`${where}: looks like a credential; make it "secure": true`);
    }
  });
  if (oauthCount > 1) errors.push('manifest.json: at most one oauth parameter is allowed');
}

function checkTranslations(dir, manifest, errors, warnings) {
  const folder = path.join(dir, 'translations');
  const translations = {};
  const files = fs.existsSync(folder) ? fs.readdirSync(folder) : [];
  for (const file of files) {
    const locale = file.replace(/\.json$/, '');
    if (!file.endsWith('.json') || !LOCALE.test(locale)) {
      errors.push(`translations/${file}: file name must be a locale, e.g. pt-BR.json`);
      continue;
    }
    const content = readJson(dir, `translations/${file}`, errors);
    if (content === undefined) continue;
    if (!isObject(content)) {
      errors.push(`translations/${file}: must be a JSON object`);
      continue;
    }
    translations[locale] = flatten(content);
  }
  if (!translations.en && !files.includes('en.json'))
    errors.push('translations/en.json: missing (Zendesk requires it)');

  const required = ['app.name'];
  if (manifest.private === false) {
    required.push('app.long_description', 'app.installation_instructions');
  }
  const checkLocales = new Set(['en', manifest.defaultLocale].filter((locale) => translations[locale]));
  for (const locale of checkLocales) {
    const keys = translations[locale];
    for (const key of required) {
      if (!keys.has(key)) errors.push(`translations/${locale}.json: "${key}" is required`);
    }
    if (manifest.private === false && !keys.has('app.short_description') && !keys.has('app.description')) {
      errors.push(`translations/${locale}.json: "app.short_description" is required for a public app`);
    }
    for (const key of keys.keys()) {
      const match = /^app\.parameters\.([^.]+)$/.exec(key);
      if (match)
        errors.push(`translations/${locale}.json: app.parameters.${match[1]} must be an object with "label"`);
    }
  }
  if (manifest.private !== false && translations.en && !translations.en.has('app.short_description')) {
    warnings.push('translations/en.json: no app.short_description (needed before listing the app publicly)');
  }
  return translations;
}

/** Flattens nested translations to dotted keys; `{ title, value }` leaves count as one string. */
function flatten(object, prefix = '', into = new Map()) {
  for (const [key, value] of Object.entries(object)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (isObject(value) && typeof value.value === 'string' && typeof value.title === 'string') {
      into.set(dotted, value.value);
    } else if (isObject(value)) {
      flatten(value, dotted, into);
    } else {
      into.set(dotted, value);
    }
  }
  return into;
}

function checkParameterLabels(manifest, translations, warnings) {
  if (!Array.isArray(manifest.parameters)) return;
  for (const locale of new Set(['en', manifest.defaultLocale])) {
    const keys = translations[locale];
    if (!keys) continue;
    for (const parameter of manifest.parameters) {
      if (!isObject(parameter) || parameter.type === 'hidden') continue;
      if (!keys.has(`app.parameters.${parameter.name}.label`)) {
        warnings.push(
          `translations/${locale}.json: no label for parameter "${parameter.name}" (admins see the raw name)`,
        );
      }
    }
  }
}

function checkAssets(dir, errors) {
  for (const { file, width, height } of REQUIRED_LOGOS) {
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) {
      errors.push(`${file}: missing (${width}×${height} PNG required)`);
      continue;
    }
    const size = readPngSize(fs.readFileSync(full));
    if (!size) errors.push(`${file}: not a PNG file`);
    else if (size.width !== width || size.height !== height) {
      errors.push(`${file}: is ${size.width}×${size.height}, must be ${width}×${height}`);
    }
  }
  const banner = path.join(dir, 'assets/banner.png');
  if (fs.existsSync(banner)) {
    const size = readPngSize(fs.readFileSync(banner));
    if (!size || !BANNER_SIZES.some(([w, h]) => size.width === w && size.height === h)) {
      errors.push('assets/banner.png: must be a PNG of 830×200 or 1660×400');
    }
  }
}

function checkRequirements(dir, manifest, errors, warnings) {
  const file = path.join(dir, 'requirements.json');
  const present = fs.existsSync(file);
  if (manifest.requirementsOnly === true && !present) {
    errors.push('requirements.json: missing, but the manifest says requirementsOnly');
    return;
  }
  if (!present) return;
  if (manifest.marketingOnly === true) {
    errors.push('requirements.json: a marketing-only app cannot have requirements');
    return;
  }
  if (fs.statSync(file).size > MAX_REQUIREMENTS_BYTES) {
    errors.push('requirements.json: larger than 1 MB');
  }
  const requirements = readJson(dir, 'requirements.json', errors);
  if (requirements === undefined) return;
  // JSON.parse keeps the last of two equal keys; Zendesk refuses the file instead.
  const duplicates = duplicateKeys(fs.readFileSync(file, 'utf8'));
  if (duplicates.length > 0) {
    errors.push(`requirements.json: duplicate keys ${duplicates.map((key) => `"${key}"`).join(', ')}`);
  }
  if (!isObject(requirements)) {
    errors.push('requirements.json: must be a JSON object keyed by requirement type');
    return;
  }

  let count = 0;
  for (const [type, items] of Object.entries(requirements)) {
    if (!REQUIREMENT_TYPES.includes(type)) {
      errors.push(
        `requirements.json: unknown requirement type "${type}" (allowed: ${REQUIREMENT_TYPES.join(', ')})`,
      );
      continue;
    }
    if (!isObject(items)) {
      errors.push(`requirements.json: "${type}" must be an object keyed by identifier`);
      continue;
    }
    if (type === 'custom_objects_v2') {
      checkCustomObjectsV2(items, errors);
      count += ['objects', 'object_fields', 'object_triggers'].reduce(
        (sum, key) => sum + (Array.isArray(items[key]) ? items[key].length : 0),
        0,
      );
      continue;
    }
    count += Object.keys(items).length;
    for (const [identifier, item] of Object.entries(items)) {
      const where = `requirements.json: ${type}.${identifier}`;
      if (!isObject(item)) {
        errors.push(`${where} must be an object`);
        continue;
      }
      if (!UNTITLED_REQUIREMENT_TYPES.includes(type) && !item.title) errors.push(`${where} needs a "title"`);
      if ((type === 'user_fields' || type === 'organization_fields') && !item.key) {
        errors.push(`${where} needs a "key"`);
      }
      if (type === 'webhooks') {
        for (const key of WEBHOOK_REQUIRED_KEYS) if (!item[key]) errors.push(`${where} needs "${key}"`);
      }
      if (type === 'targets' && REJECTED_TARGET_TYPES.includes(item.type)) {
        errors.push(`${where}: target type "${item.type}" is no longer accepted; use a webhook`);
      }
      if (type === 'channel_integrations' && !item.manifest_url) errors.push(`${where} needs "manifest_url"`);
    }
  }
  if (
    isObject(requirements.channel_integrations) &&
    Object.keys(requirements.channel_integrations).length > 1
  ) {
    errors.push('requirements.json: at most one channel integration is allowed');
  }
  if (count > MAX_REQUIREMENTS) {
    errors.push(`requirements.json: ${count} requirements, the limit is ${MAX_REQUIREMENTS}`);
  }
  checkWebhookReferences(requirements, warnings);
}

/** Keys that appear twice in the same JSON object (the text is known to be valid JSON). */
function duplicateKeys(text) {
  const stack = [];
  const duplicates = [];
  const token = /"(?:[^"\\]|\\.)*"|[{}[\]:]/g;
  let previousString = null;
  for (const match of text.matchAll(token)) {
    const value = match[0];
    if (value === '{') stack.push(new Set());
    else if (value === '[') stack.push(null);
    else if (value === '}' || value === ']') stack.pop();
    else if (value === ':' && previousString !== null) {
      const keys = stack[stack.length - 1];
      const key = JSON.parse(previousString);
      if (keys?.has(key)) duplicates.push(key);
      keys?.add(key);
    }
    previousString = value.startsWith('"') ? value : null;
  }
  return duplicates;
}

function checkCustomObjectsV2(spec, errors) {
  const where = 'requirements.json: custom_objects_v2';
  const objects = Array.isArray(spec.objects) ? spec.objects : [];
  if (objects.length > CUSTOM_OBJECTS_V2_LIMITS.objects) {
    errors.push(`${where}: ${objects.length} objects, the limit is ${CUSTOM_OBJECTS_V2_LIMITS.objects}`);
  }
  for (const object of objects) {
    for (const key of ['key', 'title', 'title_pluralized', 'include_in_list_view']) {
      if (!isObject(object) || object[key] === undefined)
        errors.push(`${where}: every object needs "${key}"`);
    }
  }
  const perObject = (list, limit, what) => {
    const counts = new Map();
    for (const entry of Array.isArray(list) ? list : []) {
      counts.set(entry?.object_key, (counts.get(entry?.object_key) ?? 0) + 1);
    }
    for (const [objectKey, n] of counts) {
      if (n > limit) errors.push(`${where}: object "${objectKey}" has ${n} ${what}, the limit is ${limit}`);
    }
  };
  perObject(spec.object_fields, CUSTOM_OBJECTS_V2_LIMITS.fieldsPerObject, 'fields');
  perObject(spec.object_triggers, CUSTOM_OBJECTS_V2_LIMITS.triggersPerObject, 'triggers');
}

/** A trigger that notifies a webhook identifier the package does not create would fail at install time. */
function checkWebhookReferences(requirements, warnings) {
  const webhooks = isObject(requirements.webhooks) ? Object.keys(requirements.webhooks) : [];
  const triggers = isObject(requirements.triggers) ? requirements.triggers : {};
  for (const [identifier, trigger] of Object.entries(triggers)) {
    for (const action of Array.isArray(trigger?.actions) ? trigger.actions : []) {
      if (action?.field !== 'notification_webhook' || !Array.isArray(action.value)) continue;
      const [target] = action.value;
      if (typeof target === 'string' && !/^\d+$/.test(target) && !webhooks.includes(target)) {
        warnings.push(
          `requirements.json: triggers.${identifier} notifies webhook "${target}", which is not declared`,
        );
      }
    }
  }
}

const SETTING_PLACEHOLDER = /\{\{\s*setting\.([A-Za-z0-9_]+)\s*\}\}/g;

/**
 * `{{setting.x}}` is replaced per installation only when "x" is a declared parameter; a typo
 * (`{{setting.serviceURL}}`) would reach the network as literal text.
 */
function checkSettingPlaceholders(dir, manifest, errors) {
  const declared = new Set(
    (Array.isArray(manifest.parameters) ? manifest.parameters : []).map((parameter) => parameter?.name),
  );
  const files = ['manifest.json', 'requirements.json'];
  const assets = path.join(dir, 'assets');
  if (fs.existsSync(assets)) {
    for (const file of fs.readdirSync(assets)) if (/\.(js|html)$/.test(file)) files.push(`assets/${file}`);
  }
  for (const file of files) {
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) continue;
    const unknown = new Set();
    for (const match of fs.readFileSync(full, 'utf8').matchAll(SETTING_PLACEHOLDER)) {
      if (!declared.has(match[1])) unknown.add(match[1]);
    }
    for (const name of unknown) {
      errors.push(`${file}: uses {{setting.${name}}}, but the manifest declares no parameter "${name}"`);
    }
  }
}

/**
 * Zendesk and `zcli apps:server` serve the assets under a per-app prefix (`/<app_id>/assets/`), so
 * a page that loads `/main.js` from the site root works on a dev server and breaks everywhere else.
 */
function checkRootRelativeAssets(dir, warnings) {
  const assets = path.join(dir, 'assets');
  if (!fs.existsSync(assets)) return;
  for (const file of fs.readdirSync(assets).filter((name) => name.endsWith('.html'))) {
    const html = fs.readFileSync(path.join(assets, file), 'utf8');
    for (const match of html.matchAll(/\b(?:src|href)\s*=\s*["'](\/[^/"'][^"']*)["']/g)) {
      warnings.push(`assets/${file}: loads ${match[1]} from the site root; use a relative URL (./…)`);
    }
  }
}

function checkNoSymlinks(dir, errors) {
  const walk = (relative) => {
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) errors.push(`${child}: symbolic links are not allowed in a package`);
      else if (entry.isDirectory()) walk(child);
    }
  };
  for (const top of ['assets', 'translations']) {
    if (fs.existsSync(path.join(dir, top))) walk(top);
  }
}

/** The files that make up the installable package, relative to `dir`. */
function packageFiles(dir) {
  const files = ['manifest.json'];
  if (fs.existsSync(path.join(dir, 'requirements.json'))) files.push('requirements.json');
  const walk = (relative) => {
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) files.push(child);
    }
  };
  for (const top of ['assets', 'translations']) {
    if (fs.existsSync(path.join(dir, top))) walk(top);
  }
  return files.sort();
}

module.exports = { validateAppPackage, packageFiles, SECURE_PARAM_SCOPES, REQUIREMENT_TYPES };
