import { runAppRequest } from './app-requests.js';
import { TicketEditor, zafUser, type ChangeEvent } from './ticket-editor.js';
import { ZafFrame, type HostBackend, type RegisteredApp } from './zaf-host.js';
import { ZendeskApi, type WorkbenchSession, type ZendeskTicket } from './zendesk-api.js';

/**
 * The workbench page: ticket list, the open ticket's conversation and reply box, and every app
 * with a `ticket_sidebar` location hosted beside it. Apps come from `/workbench/app.json`, the
 * payload `zcli apps:server` serves; with `?zcli_apps=true`, as on Zendesk's agent page, from a
 * running `zcli apps:server` itself (`http://localhost:4567`, or the origin given instead of
 * `true`). `?locale=en` signs the agent in with English.
 */

interface AppJson {
  apps: Array<{
    id: number | string;
    name: string;
    asset_url_prefix: string;
    location?: Record<string, Record<string, string | { url: string }>>;
    locations?: Record<string, Record<string, string | { url: string }>>;
  }>;
  installations: Array<{
    app_id: number | string;
    id: string;
    enabled?: boolean;
    /** An object here; zcli's app.json lists one-key objects (`[{title}, {serviceUrl: …}]`). */
    settings: Record<string, unknown> | Array<Record<string, unknown>>;
  }>;
}

/** Where the apps come from: the service's own `app.json`, or a `zcli apps:server`'s. */
function appsJsonUrl(): { url: string; zcli: boolean } {
  const zcliApps = new URLSearchParams(location.search).get('zcli_apps');
  if (!zcliApps) return { url: '/workbench/app.json', zcli: false };
  const origin = zcliApps === 'true' ? 'http://localhost:4567' : new URL(zcliApps).origin;
  return { url: `${origin}/app.json`, zcli: true };
}

const TICKET_POLL_MS = 5_000;

const $ = <T extends HTMLElement>(selector: string, root: ParentNode = document): T => {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`workbench page: ${selector} is missing`);
  return found;
};

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

function toast(text: string, kind = 'notice'): void {
  const item = document.createElement('div');
  item.className = `toast ${kind}`;
  item.textContent = text;
  $('#toasts').append(item);
  setTimeout(() => item.remove(), 5_000);
}

const channelOf = (ticket: ZendeskTicket) =>
  ticket.tags.find((tag) => tag.startsWith('vitrine_') && tag.split('_').length === 2)?.slice(8) ??
  ticket.via.channel;

async function start(): Promise<void> {
  const appsSource = appsJsonUrl();
  const [session, appJson] = await Promise.all([
    getJson<WorkbenchSession>('/workbench/session'),
    getJson<AppJson>(appsSource.url),
  ]);
  const zendesk = new ZendeskApi(session);
  const locale = new URLSearchParams(location.search).get('locale') ?? 'pt-BR';
  const me = await zendesk.me();
  const currentUser = { ...zafUser(me), locale };
  $('#agent').textContent = `${me.name} (${me.email ?? ''})`;

  const sidebarApps = appJson.apps.flatMap((app) => {
    const installation = appJson.installations.find(
      (i) => String(i.app_id) === String(app.id) && i.enabled !== false,
    );
    const spot = (app.location ?? app.locations)?.support?.ticket_sidebar;
    if (!installation || !spot) return [];
    const path = (typeof spot === 'string' ? spot : spot.url).replace(/^assets\//, '');
    const listed = installation.settings;
    const { title: _title, ...settings } = Array.isArray(listed) ? Object.assign({}, ...listed) : listed;
    const registered: RegisteredApp = {
      appId: Number(app.id),
      installationId: String(installation.id),
      name: app.name,
      settings,
      ...(appsSource.zcli ? { appsJsonUrl: new URL(appsSource.url, location.href).toString() } : {}),
    };
    return [{ registered, url: /^https?:/.test(path) ? path : `${app.asset_url_prefix}${path}` }];
  });

  let tickets: ZendeskTicket[] = [];
  const renderList = () => {
    const filter = $<HTMLInputElement>('#ticket-filter').value.trim().toLowerCase();
    const list = $('#ticket-list');
    list.replaceChildren(
      ...tickets
        .filter(
          (t) =>
            !filter ||
            `${t.id} ${t.subject ?? ''} ${t.tags.join(' ')} ${t.via.channel}`.toLowerCase().includes(filter),
        )
        .map((t) => {
          const item = document.createElement('li');
          const link = document.createElement('a');
          link.href = `#ticket/${t.id}`;
          link.dataset.ticketId = String(t.id);
          link.setAttribute('aria-current', String(current?.editor.ticket.id === t.id));
          const subject = document.createElement('div');
          subject.textContent = `#${t.id} ${t.subject ?? ''}`;
          const line = document.createElement('div');
          line.className = 'ticket-line';
          line.innerHTML = '<span class="badge"></span><span></span>';
          line.children[0]!.textContent = channelOf(t);
          line.children[1]!.textContent = t.status;
          link.append(subject, line);
          item.append(link);
          return item;
        }),
    );
  };
  $('#ticket-filter').addEventListener('input', renderList);

  let current: { editor: TicketEditor; frames: ZafFrame[]; poll: number } | null = null;

  const broadcast = (events: ChangeEvent[]) => {
    for (const frame of current?.frames ?? [])
      for (const event of events) frame.trigger(event.name, event.value);
  };

  const openTicket = async (id: number) => {
    if (current) {
      clearInterval(current.poll);
      for (const frame of current.frames) frame.destroy();
      current = null;
    }
    const view = $('#ticket');
    view.replaceChildren($<HTMLTemplateElement>('#ticket-template').content.cloneNode(true));
    const ticket = await zendesk.ticket(id);
    const requester = await zendesk.user(ticket.requester_id);
    const editor = new TicketEditor(ticket, requester, currentUser, session.account);
    const textarea = $<HTMLTextAreaElement>('[data-testid="reply-text"]', view);
    const errorBox = $('[data-testid="submit-error"]', view);
    const status = $('[data-testid="submit-status"]', view);
    const button = $<HTMLButtonElement>('[data-testid="submit"]', view);

    const renderHeader = () => {
      $('[data-testid="ticket-subject"]', view).textContent =
        `#${editor.ticket.id} ${editor.ticket.subject ?? ''}`;
      $('[data-testid="ticket-meta"]', view).textContent =
        `${requester.name} · ${editor.ticket.via.channel} · ${editor.ticket.status}`;
      $('[data-testid="ticket-tags"]', view).textContent = editor.ticket.tags.join(' ');
    };
    const renderConversation = async () => {
      const comments = await zendesk.comments(id);
      $('[data-testid="conversation"]', view).replaceChildren(
        ...comments.map((comment) => {
          const item = document.createElement('li');
          const byAgent = comment.author_id !== editor.ticket.requester_id;
          item.className = `${byAgent ? 'agent' : 'customer'}${comment.public ? '' : ' internal'}`;
          item.dataset.commentId = String(comment.id);
          const author = document.createElement('span');
          author.className = 'comment-author';
          author.textContent = `${byAgent ? 'Agente' : requester.name} · ${new Date(comment.created_at).toLocaleString('pt-BR')}${comment.public ? '' : ' · nota interna'}`;
          item.append(author, comment.body);
          return item;
        }),
      );
    };
    renderHeader();
    await renderConversation();
    let lastSeen = ticket.updated_at;

    const backend: HostBackend = {
      get: (path) => editor.get(path),
      set: (path, value) => {
        const outcome = editor.set(path, value);
        if ('error' in outcome) return { error: outcome.error };
        if (path === 'ticket.comment.text') textarea.value = editor.draft.text;
        broadcast(outcome.events);
        renderHeader();
        return { ok: true };
      },
      invoke: async (name, args, frame) => {
        switch (name) {
          case 'resize': {
            const size = (args[0] ?? {}) as { height?: string | number };
            if (size.height !== undefined)
              frame.iframe.style.height = typeof size.height === 'number' ? `${size.height}px` : size.height;
            return null;
          }
          case 'ticket.comment.appendText': {
            const event = editor.appendText(String(args[0] ?? ''));
            textarea.value = editor.draft.text;
            broadcast([event]);
            return null;
          }
          case 'routeTo': {
            if (args[0] !== 'ticket')
              throw new Error(`routeTo "${String(args[0])}" is not available in the workbench`);
            location.hash = `#ticket/${String(args[1])}`;
            return null;
          }
          case 'notify':
            toast(String(args[0] ?? ''), String(args[1] ?? 'notice'));
            return null;
          default:
            throw new Error(`"${name}" is not supported by the workbench`);
        }
      },
      request: (options, app) => runAppRequest(options, app, zendesk),
    };

    const apps = $('#apps');
    apps.replaceChildren();
    const frames = sidebarApps.map(({ registered, url }) => {
      const title = document.createElement('p');
      title.className = 'app-title';
      title.textContent = registered.name;
      apps.append(title);
      return new ZafFrame(
        apps,
        url,
        registered,
        { product: 'support', location: 'ticket_sidebar', account: session.account, ticketId: id },
        backend,
      );
    });

    textarea.addEventListener('input', () => {
      editor.draft.text = textarea.value;
      errorBox.hidden = true;
      broadcast([{ name: 'ticket.comment.text.changed', value: editor.draft.text }]);
    });
    for (const radio of view.querySelectorAll<HTMLInputElement>('input[name="kind"]')) {
      radio.addEventListener('change', () => {
        if (!radio.checked) return;
        editor.draft.type = radio.value === 'internalNote' ? 'internalNote' : 'publicReply';
        broadcast([{ name: 'ticket.comment.type.changed', value: editor.draft.type }]);
      });
    }

    // Submit like the agent workspace: every app's ticket.save hook first; one refusal stops it.
    $('[data-testid="reply-form"]', view).addEventListener('submit', (event) => {
      event.preventDefault();
      void (async () => {
        if (!editor.draft.text.trim()) return;
        button.disabled = true;
        errorBox.hidden = true;
        status.textContent = 'Verificando… / checking…';
        try {
          const outcomes = await Promise.all(frames.map((frame) => frame.runHook('ticket.save')));
          const refusal = outcomes.find((outcome) => !outcome.ok);
          if (refusal) {
            errorBox.textContent = refusal.message ?? '';
            errorBox.hidden = false;
            status.textContent = 'Não enviado / not sent';
            return;
          }
          broadcast([{ name: 'ticket.submit.start', value: undefined }]);
          status.textContent = 'Enviando… / sending…';
          const saved = await zendesk.submitComment(id, {
            body: editor.draft.text,
            public: editor.draft.type === 'publicReply',
          });
          editor.ticket = saved;
          editor.draft = { text: '', type: editor.draft.type, attachments: [] };
          textarea.value = '';
          lastSeen = saved.updated_at;
          broadcast([
            { name: 'ticket.submit.done', value: undefined },
            { name: 'ticket.saved', value: undefined },
            { name: 'ticket.submit.always', value: undefined },
            { name: 'ticket.comment.text.changed', value: '' },
          ]);
          status.textContent = 'Enviado / sent';
          renderHeader();
          await renderConversation();
        } catch (err) {
          broadcast([
            { name: 'ticket.submit.fail', value: undefined },
            { name: 'ticket.submit.always', value: undefined },
          ]);
          errorBox.textContent = (err as Error).message;
          errorBox.hidden = false;
          status.textContent = 'Falhou / failed';
        } finally {
          button.disabled = false;
        }
      })();
    });

    // Someone else changed the ticket (a new buyer message synced in): Zendesk fires ticket.updated.
    const poll = window.setInterval(() => {
      void zendesk
        .ticket(id)
        .then(async (fresh) => {
          if (fresh.updated_at === lastSeen || current?.editor !== editor) return;
          lastSeen = fresh.updated_at;
          editor.ticket = fresh;
          renderHeader();
          await renderConversation();
          broadcast([{ name: 'ticket.updated', value: undefined }]);
        })
        .catch(() => undefined);
    }, TICKET_POLL_MS);

    current = { editor, frames, poll };
    renderList();
  };

  const route = () => {
    const match = /^#ticket\/(\d+)$/.exec(location.hash);
    if (match) void openTicket(Number(match[1])).catch((err: Error) => toast(err.message, 'error'));
  };
  window.addEventListener('hashchange', route);
  route();

  tickets = (await zendesk.tickets()).sort((a, b) => b.updated_at.localeCompare(a.updated_at));
  renderList();
}

start().catch((err: Error) => {
  document.body.prepend(
    Object.assign(document.createElement('pre'), { className: 'submit-error', textContent: err.message }),
  );
});
