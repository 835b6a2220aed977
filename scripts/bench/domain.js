#!/usr/bin/env node
// Domain benchmark (`npm run bench:domain`): due dates, reply checks and duplicate grouping.
// Every figure is printed with a baseline measured in the same run on the same machine, so the
// ratios compare across machines even when the absolute numbers do not.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const shared = require(path.join(__dirname, '..', '..', 'shared', 'dist'));

function opsPerSecond(fn, { minMs = 1500 } = {}) {
  for (let i = 0; i < 2000; i++) fn(i); // warm-up
  let n = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 1000; i++) fn(n++);
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return (n / elapsed) * 1000;
}

const fmt = (x) => Math.round(x).toLocaleString('en-US');

function benchDueDates() {
  const calendar = shared.createBusinessCalendar({ state: 'SP' });
  const base = Date.parse('2026-01-01T00:00:00-03:00');
  const channels = ['madeiramadeira', 'americanas', 'americanas-sac', 'mercadolivre', 'email', 'whatsapp'];
  // Spread receipts over two years, every 37 minutes, so holidays, weekends and nights all occur.
  const at = (i) => new Date(base + ((i * 37 * 60_000) % (730 * 86_400_000)));
  const due = opsPerSecond((i) =>
    shared.deadlineFor({ channel: channels[i % channels.length], receivedAt: at(i), calendar }),
  );
  const baseline = opsPerSecond((i) => at(i).toISOString());
  console.log(
    `due dates        ${fmt(due)} /s   (baseline Date#toISOString ${fmt(baseline)} /s; one due date costs ${(baseline / due).toFixed(1)}× a toISOString)`,
  );
}

function benchReplyChecks() {
  const replies = [
    'Olá, Maria! Seu estorno de R$ 129,90 referente ao pedido 7001234 foi solicitado hoje, 22/11. O valor aparece em até 2 faturas.',
    'Boa tarde! Acompanhe a entrega pelo link https://rastreamento.correios.com.br/app/index.php?objetos=AA123456785BR, previsão 28/11.',
    'Me chama no WhatsApp (11) 98888-7777 que resolvo rapidinho, ou manda e-mail para loja@exemplo.com.br',
    'Para agilizar, pague a taxa de reentrega de R$ 30,00 pelo pix 11988887777 e envie o comprovante.',
  ];
  const longReply = replies.join(' ').repeat(4);
  const check = opsPerSecond((i) =>
    shared.checkReply({ channel: 'mercadolivre', text: replies[i % replies.length] }),
  );
  const checkLong = opsPerSecond(() => shared.checkReply({ channel: 'mercadolivre', text: longReply }));
  const oneRegex = /https?:\/\/\S+/;
  const baseline = opsPerSecond((i) => oneRegex.test(replies[i % replies.length]));
  console.log(
    `reply checks     ${fmt(check)} /s   (${fmt(checkLong)} /s on a ${longReply.length}-char reply; baseline one URL regex ${fmt(baseline)} /s → a full check costs ${(baseline / check).toFixed(1)}× one regex)`,
  );
}

// Duplicate grouping runs in a child process per size so the peak memory is that size's alone.
function benchGroupingChild(size) {
  const contacts = makeContacts(size);
  global.gc?.();
  const before = process.memoryUsage().rss;
  const t0 = process.hrtime.bigint();
  const seen = new Map();
  for (const c of contacts) if (c.email) seen.set(c.email, c.id); // baseline: one map over one raw key
  const t1 = process.hrtime.bigint();
  const result = shared.groupDuplicateContacts(contacts);
  const t2 = process.hrtime.bigint();
  const out = {
    size,
    baselineMs: Number(t1 - t0) / 1e6,
    groupMs: Number(t2 - t1) / 1e6,
    groups: result.groups.length,
    links: result.links.length,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    inputRssMb: before / 1024 / 1024,
  };
  process.stdout.write(JSON.stringify(out));
}

// Deterministic contacts: one customer in ten also writes on a second channel about the same order.
function makeContacts(size) {
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const ddds = [11, 21, 31, 41, 47, 48, 51, 61, 71, 81, 85, 92];
  const channels = ['madeiramadeira', 'americanas', 'mercadolivre', 'email', 'whatsapp', 'instagram'];
  const contacts = [];
  let customer = 0;
  while (contacts.length < size) {
    customer++;
    const ddd = ddds[customer % ddds.length];
    const subscriber = String(80_000_000 + ((customer * 7919 + Math.floor(rand() * 1000)) % 19_999_999)); // 8 digits, starts with 8/9
    const phone = `(${ddd}) 9${subscriber.slice(0, 4)}-${subscriber.slice(4)}`;
    const order = String(7_000_000 + customer);
    const email = `cliente${customer}@exemplo.com.br`;
    const channel = channels[customer % channels.length];
    contacts.push({ id: `c${contacts.length}`, channel, email, phone, orderNumbers: [order] });
    if (customer % 10 === 0 && contacts.length < size) {
      // The same customer on WhatsApp, whose wa_id lacks the ninth digit, mentioning the order.
      contacts.push({
        id: `c${contacts.length}`,
        channel: 'whatsapp',
        phone: `55${ddd}${subscriber}`,
        text: `oi, sobre o pedido ${order}`,
      });
    }
  }
  return contacts;
}

function benchGrouping() {
  for (const size of [100_000, 1_000_000]) {
    const raw = execFileSync(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=8192', __filename, '--group', String(size)],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    );
    const r = JSON.parse(raw);
    console.log(
      `duplicates ${fmt(size).padStart(9)}  ${(r.groupMs / 1000).toFixed(2)} s, peak RSS ${fmt(r.peakRssMb)} MB (input alone ${fmt(r.inputRssMb)} MB); ` +
        `${fmt(r.groups)} groups, ${fmt(r.links)} links; ${(r.groupMs / r.baselineMs).toFixed(1)}× a one-key Map pass (${r.baselineMs.toFixed(0)} ms)`,
    );
  }
}

if (process.argv[2] === '--group') {
  benchGroupingChild(Number(process.argv[3]));
} else {
  console.log(
    `Vitrine domain benchmark — node ${process.version}, ${require('node:os').cpus().length} cores\n`,
  );
  benchDueDates();
  benchReplyChecks();
  benchGrouping();
}
