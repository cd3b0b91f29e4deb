import '@session-lens/elements/define.js';
import type { Session } from '@session-lens/sdk';
import './styles.css';
import { h, type Child } from './dom.js';
import { embedTokenGetter, fetchHostSession } from '../host-kit/browser.js';
import {
  DEFAULT_INITIATIVE,
  INITIATIVES,
  findInitiative,
  findPlan,
  type HostInitiative,
  type HostSession,
} from '../shared/records.js';

/** The host page a URL shows. */
type Route =
  | { page: 'initiatives' }
  | { page: 'initiative'; initiative: HostInitiative }
  | { page: 'plan'; id: string }
  | { page: 'sessions' }
  | { page: 'assessments' }
  | { page: 'not-found' };

function route(path: string): Route {
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0)
    return { page: 'initiative', initiative: findInitiative(DEFAULT_INITIATIVE) as HostInitiative };
  if (parts[0] === 'initiatives' && parts.length === 1) return { page: 'initiatives' };
  if (parts[0] === 'initiatives' && parts.length === 2) {
    const initiative = findInitiative(parts[1] as string);
    return initiative ? { page: 'initiative', initiative } : { page: 'not-found' };
  }
  if (parts[0] === 'plans' && parts.length === 2 && findPlan(parts[1] as string))
    return { page: 'plan', id: parts[1] as string };
  if (parts[0] === 'sessions' && parts.length === 1) return { page: 'sessions' };
  if (parts[0] === 'assessments' && parts.length === 1) return { page: 'assessments' };
  return { page: 'not-found' };
}

function link(href: string, text: string, attrs: Record<string, unknown> = {}): HTMLAnchorElement {
  return h('a', { href, ...attrs }, text);
}

// ---------- Chrome: header, user switcher, theme, Command Center drawer ----------

function header(session: HostSession, current: Route, drawer: Drawer): HTMLElement {
  const nav = (href: string, text: string, active: boolean) =>
    link(href, text, { class: 'nav-link', ...(active ? { 'aria-current': 'page' } : {}) });
  const select = h(
    'select',
    {
      id: 'user-switcher',
      'aria-label': 'Viewing as',
      onchange: async (event: Event) => {
        const user = (event.target as HTMLSelectElement).value;
        await fetch('/host/user', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ user }),
        });
        location.reload();
      },
    },
    ...session.users.map((user) =>
      h('option', { value: user.id, selected: user.id === session.user.id }, user.label),
    ),
  );
  const theme = h('button', {
    class: 'icon-button',
    id: 'theme-toggle',
    type: 'button',
    onclick: () => {
      const next = document.documentElement.getAttribute('theme') === 'light' ? 'dark' : 'light';
      document.documentElement.setAttribute('theme', next);
      localStorage.setItem('acme-theme', next);
      theme.setAttribute('aria-pressed', String(next === 'light'));
    },
    'aria-label': 'Light theme',
    'aria-pressed': String(document.documentElement.getAttribute('theme') === 'light'),
    title: 'Toggle light / dark theme',
  });
  theme.append(icon('theme'));
  const page = current.page;
  return h(
    'header',
    { class: 'topbar' },
    h(
      'a',
      { class: 'brand', href: '/initiatives' },
      h('span', { class: 'logo', 'aria-hidden': 'true' }),
      'Acme Delivery',
    ),
    h(
      'nav',
      { class: 'nav', 'aria-label': 'Main' },
      nav('/initiatives', 'Initiatives', page === 'initiatives' || page === 'initiative' || page === 'plan'),
      nav('/sessions', 'Sessions', page === 'sessions'),
      nav('/assessments', 'Assessments', page === 'assessments'),
    ),
    h('div', { class: 'spacer' }),
    h(
      'button',
      {
        class: 'button',
        id: 'command-center-toggle',
        type: 'button',
        'aria-controls': 'command-center-drawer',
        'aria-haspopup': 'dialog',
        'aria-expanded': 'false',
        onclick: () => drawer.toggle(),
      },
      icon('bolt'),
      'Command Center',
      // The Needs you count, from the panel's command-center-count event.
      h('span', { class: 'count-badge', id: 'command-center-count', hidden: true }),
    ),
    h(
      'label',
      { class: 'user', title: session.user.description },
      h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(session.user.name)),
      h('span', { class: 'user-name' }, session.user.name),
      select,
    ),
    theme,
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

function icon(name: 'theme' | 'bolt' | 'close'): SVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute(
    'd',
    name === 'theme'
      ? 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.5v11a5.5 5.5 0 0 1 0-11z'
      : name === 'bolt'
        ? 'M9 1 3 9h4l-1 6 6-8H8l1-6z'
        : 'M4.3 3.2 8 6.9l3.7-3.7 1.1 1.1L9.1 8l3.7 3.7-1.1 1.1L8 9.1l-3.7 3.7-1.1-1.1L6.9 8 3.2 4.3z',
  );
  svg.append(path);
  return svg;
}

type Drawer = { element: HTMLDialogElement; toggle(open?: boolean): void };

/**
 * The Command Center as a modal dialog (a drawer at the page's edge): opening it moves focus in
 * and makes the page under it inert; Escape, the close button or a click on the backdrop closes
 * it, and the browser returns focus to the button that opened it.
 */
function commandCenterDrawer(): Drawer {
  const body = h('div', { class: 'drawer-body' });
  const element = h(
    'dialog',
    { class: 'drawer', id: 'command-center-drawer', 'aria-labelledby': 'command-center-title' },
    h(
      'div',
      { class: 'drawer-head' },
      h('h2', { class: 'drawer-title', id: 'command-center-title' }, 'Command Center'),
      h('span', { class: 'muted' }, 'Your work in flight, across every page'),
      h(
        'button',
        {
          class: 'icon-button',
          type: 'button',
          'aria-label': 'Close the Command Center',
          onclick: () => drawer.toggle(false),
        },
        icon('close'),
      ),
    ),
    body,
  );
  const openSession = (event: Event) => {
    const session = (event as CustomEvent<{ session: Session }>).detail.session;
    location.href = `/sessions?open=${encodeURIComponent(session.id)}`;
  };
  const drawer: Drawer = {
    element,
    toggle(open = !element.open) {
      if (open === element.open) return;
      if (!open) {
        element.close();
        return;
      }
      element.showModal();
      document.getElementById('command-center-toggle')?.setAttribute('aria-expanded', 'true');
    },
  };
  // Created with the page, so it stays live, keeps its scroll, and counts what needs the user
  // for the button even while the drawer is closed.
  body.append(
    h('command-center', {
      'recent-limit': 30,
      'onsession-open': openSession,
      'onsession-resume': openSession,
      'oncommand-center-count': (event: Event) => {
        const count = (event as CustomEvent<{ count: number }>).detail.count;
        const badge = document.getElementById('command-center-count');
        if (!badge) return;
        badge.textContent = String(count);
        badge.hidden = count === 0;
        badge.title = `${count} need you`;
      },
    }),
  );
  // Escape closes a modal dialog natively; every way of closing ends here.
  element.addEventListener('close', () =>
    document.getElementById('command-center-toggle')?.setAttribute('aria-expanded', 'false'),
  );
  // A click on the backdrop lands on the dialog itself, outside its box.
  element.addEventListener('click', (event) => {
    const box = element.getBoundingClientRect();
    const outside =
      event.clientX < box.left ||
      event.clientX > box.right ||
      event.clientY < box.top ||
      event.clientY > box.bottom;
    if (event.target === element && outside) drawer.toggle(false);
  });
  return drawer;
}

// ---------- Record pages ----------

type Tab = { id: string; label: string; render: () => Child };

/** WAI-ARIA tabs whose selection lives in the URL hash; a panel renders on first selection. */
function recordTabs(tabs: Tab[], initial: string): HTMLElement {
  const list = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Sections' });
  const panels = h('div', { class: 'panels' });
  const rendered = new Map<string, HTMLElement>();
  const buttons = tabs.map((tab) =>
    h(
      'button',
      {
        class: 'tab',
        role: 'tab',
        type: 'button',
        id: `tab-${tab.id}`,
        'aria-controls': `panel-${tab.id}`,
        onclick: () => select(tab.id, true),
        onkeydown: (event: KeyboardEvent) => {
          const index = tabs.findIndex((t) => t.id === tab.id);
          const next =
            event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : undefined;
          if (next === undefined) return;
          const target = tabs[(next + tabs.length) % tabs.length] as Tab;
          select(target.id, true);
          document.getElementById(`tab-${target.id}`)?.focus();
        },
      },
      tab.label,
    ),
  );
  list.append(...buttons);
  const select = (id: string, push: boolean) => {
    const chosen = tabs.find((tab) => tab.id === id) ?? (tabs.at(-1) as Tab);
    for (const [index, tab] of tabs.entries()) {
      const button = buttons[index] as HTMLButtonElement;
      const selected = tab.id === chosen.id;
      button.setAttribute('aria-selected', String(selected));
      button.tabIndex = selected ? 0 : -1;
      let panel = rendered.get(tab.id);
      if (selected && !panel) {
        panel = h(
          'section',
          { class: 'panel', role: 'tabpanel', id: `panel-${tab.id}`, 'aria-labelledby': `tab-${tab.id}` },
          tab.render(),
        );
        rendered.set(tab.id, panel);
        panels.append(panel);
      }
      if (panel) panel.hidden = !selected;
    }
    if (push) history.replaceState(null, '', `#${chosen.id}`);
  };
  select(initial, false);
  window.addEventListener('hashchange', () => select(location.hash.slice(1), false));
  return h('div', {}, list, panels);
}

function recordHead(
  crumbs: [string, string][],
  title: string,
  status: string,
  summary: string,
  meta: [string, string][],
): HTMLElement {
  return h(
    'div',
    { class: 'record-head' },
    h(
      'nav',
      { class: 'breadcrumb', 'aria-label': 'Breadcrumb' },
      ...crumbs.flatMap(([href, text]) => [link(href, text), h('span', { 'aria-hidden': 'true' }, '/')]),
      h('span', { 'aria-current': 'page' }, title),
    ),
    h(
      'div',
      { class: 'title-row' },
      h('h1', {}, title),
      h('span', { class: `badge badge-${status.toLowerCase().replace(/\s+/g, '-')}` }, status),
    ),
    h('p', { class: 'summary' }, summary),
    h(
      'dl',
      { class: 'meta' },
      ...meta.flatMap(([term, value]) => [h('div', {}, h('dt', {}, term), h('dd', {}, value))]),
    ),
  );
}

/** A record's Sessions tab: `<session-tab>` under a provider holding that record's embed token. */
function sessionsTab(record: string): HTMLElement {
  return h(
    'session-lens-provider',
    { 'base-url': location.origin, '.getToken': embedTokenGetter(record) },
    h('session-tab', { scope: record, search: true, class: 'record-sessions' }),
  );
}

function initiativePage(initiative: HostInitiative): HTMLElement {
  const record = `initiative:${initiative.id}`;
  return h(
    'div',
    { class: 'page record', 'data-record': record },
    recordHead([['/initiatives', 'Initiatives']], initiative.title, initiative.status, initiative.summary, [
      ['Owner', initiative.owner],
      ['Target', initiative.target],
      ['Plans', String(initiative.plans.length)],
    ]),
    recordTabs(
      [
        {
          id: 'overview',
          label: 'Overview',
          render: () =>
            h(
              'div',
              { class: 'grid' },
              h('div', { class: 'card' }, h('h2', {}, 'Goal'), h('p', {}, initiative.summary)),
              h(
                'div',
                { class: 'card' },
                h('h2', {}, 'Plans'),
                h(
                  'ul',
                  { class: 'plain' },
                  ...initiative.plans.map((plan) =>
                    h(
                      'li',
                      {},
                      link(`/plans/${plan.id}`, plan.title),
                      ' ',
                      h('span', { class: 'muted' }, `· ${plan.status}`),
                    ),
                  ),
                ),
              ),
              h(
                'div',
                { class: 'card' },
                h('h2', {}, 'Agent work'),
                h(
                  'p',
                  {},
                  'Every flow run, task, chat and assessment linked to this initiative is in the Sessions tab, live.',
                ),
                link('#sessions', 'Open Sessions'),
              ),
            ),
        },
        {
          id: 'plans',
          label: 'Plans',
          render: () =>
            h(
              'ul',
              { class: 'plan-list' },
              ...initiative.plans.map((plan) =>
                h(
                  'li',
                  { class: 'card' },
                  h(
                    'div',
                    { class: 'title-row' },
                    h('h2', {}, link(`/plans/${plan.id}`, plan.title)),
                    h(
                      'span',
                      { class: `badge badge-${plan.status.toLowerCase().replace(/\s+/g, '-')}` },
                      plan.status,
                    ),
                  ),
                  h('p', { class: 'muted' }, plan.summary),
                ),
              ),
            ),
        },
        { id: 'sessions', label: 'Sessions', render: () => sessionsTab(record) },
      ],
      location.hash.slice(1) || 'sessions',
    ),
  );
}

function planPage(id: string): HTMLElement {
  const { plan, initiative } = findPlan(id)!;
  const record = `plan:${plan.id}`;
  return h(
    'div',
    { class: 'page record', 'data-record': record },
    recordHead(
      [
        ['/initiatives', 'Initiatives'],
        [`/initiatives/${initiative.id}`, initiative.title],
      ],
      plan.title,
      plan.status,
      plan.summary,
      [
        ['Initiative', initiative.title],
        ['Owner', initiative.owner],
      ],
    ),
    recordTabs(
      [
        {
          id: 'overview',
          label: 'Overview',
          render: () =>
            h(
              'div',
              { class: 'card' },
              h('h2', {}, 'Plan'),
              h('p', {}, plan.summary),
              h('p', { class: 'muted' }, `Part of ${initiative.title}.`),
            ),
        },
        { id: 'sessions', label: 'Sessions', render: () => sessionsTab(record) },
      ],
      location.hash.slice(1) || 'sessions',
    ),
  );
}

function initiativesPage(): HTMLElement {
  return h(
    'div',
    { class: 'page' },
    h(
      'div',
      { class: 'page-head' },
      h('h1', {}, 'Initiatives'),
      h('p', { class: 'summary' }, 'What the teams are working towards this quarter.'),
    ),
    h(
      'ul',
      { class: 'grid cards' },
      ...INITIATIVES.map((initiative) =>
        h(
          'li',
          { class: 'card' },
          h(
            'div',
            { class: 'title-row' },
            h('h2', {}, link(`/initiatives/${initiative.id}`, initiative.title)),
            h(
              'span',
              { class: `badge badge-${initiative.status.toLowerCase().replace(/\s+/g, '-')}` },
              initiative.status,
            ),
          ),
          h('p', {}, initiative.summary),
          h(
            'p',
            { class: 'muted' },
            `${initiative.owner} · ${initiative.plans.length} plans · ${initiative.target}`,
          ),
        ),
      ),
    ),
  );
}

// ---------- Workspace pages: Sessions, Assessments ----------

/** A list with a detail sheet beside it; `?open=<id>` opens a session on load. */
function listWithDetail(list: HTMLElement): HTMLElement {
  const sheet = h('aside', { class: 'sheet', 'aria-label': 'Session detail', hidden: true });
  const open = (id: string, session?: Session) => {
    const close = h(
      'button',
      { class: 'icon-button', type: 'button', 'aria-label': 'Close the detail', onclick: () => shut() },
      icon('close'),
    );
    sheet.replaceChildren(
      h('div', { class: 'sheet-head' }, close),
      h('session-detail', { 'session-id': id, ...(session ? { '.session': session } : {}) }),
    );
    sheet.hidden = false;
    const url = new URL(location.href);
    url.searchParams.set('open', id);
    history.replaceState(null, '', url);
  };
  const shut = () => {
    sheet.hidden = true;
    sheet.replaceChildren();
    const url = new URL(location.href);
    url.searchParams.delete('open');
    history.replaceState(null, '', url);
  };
  list.addEventListener('session-open', (event) => {
    const session = (event as CustomEvent<{ session: Session }>).detail.session;
    open(session.id, session);
  });
  const initial = new URL(location.href).searchParams.get('open');
  if (initial) open(initial);
  return h('div', { class: 'split' }, list, sheet);
}

function sessionsPage(): HTMLElement {
  return h(
    'div',
    { class: 'page' },
    h(
      'div',
      { class: 'page-head' },
      h('h1', {}, 'Sessions'),
      h(
        'p',
        { class: 'summary' },
        'Every flow run, task, chat and assessment you can see, across the workspace, live.',
      ),
    ),
    listWithDetail(h('session-list', { search: true, class: 'workspace-sessions' })),
  );
}

function assessmentsPage(): HTMLElement {
  const list = h('session-list', {
    tabs: 'assessment',
    kind: 'assessment',
    'status-filter': true,
    search: true,
    class: 'assessments',
  });
  return h(
    'div',
    { class: 'page' },
    h(
      'div',
      { class: 'page-head' },
      h(
        'div',
        { class: 'title-row' },
        h('h1', {}, 'Assessments'),
        h('div', { class: 'spacer' }),
        h(
          'button',
          {
            class: 'button',
            type: 'button',
            onclick: () =>
              void (list as unknown as { store?: { refresh(): Promise<void> } }).store?.refresh(),
          },
          'Refresh',
        ),
      ),
      h(
        'p',
        { class: 'summary' },
        'One playbook run against one host: its executions and the insights it produced. Filter by status (most teams triage Pending review) or search by hostname or playbook.',
      ),
    ),
    listWithDetail(list),
  );
}

function notFound(): HTMLElement {
  return h(
    'div',
    { class: 'page' },
    h('h1', {}, 'Not found'),
    h('p', {}, 'No page here. ', link('/initiatives', 'Back to initiatives')),
  );
}

// ---------- Boot ----------

async function boot(): Promise<void> {
  const root = document.getElementById('app') as HTMLElement;
  const session = await fetchHostSession();
  const current = route(location.pathname);
  const drawer = commandCenterDrawer();
  const page =
    current.page === 'initiative'
      ? initiativePage(current.initiative)
      : current.page === 'plan'
        ? planPage(current.id)
        : current.page === 'initiatives'
          ? initiativesPage()
          : current.page === 'sessions'
            ? sessionsPage()
            : current.page === 'assessments'
              ? assessmentsPage()
              : notFound();
  // Every element on the page reads through the current user's browser token, except the record
  // tabs, whose nested provider holds the record's embed token.
  const provider = h(
    'session-lens-provider',
    { 'base-url': location.origin, token: session.token },
    header(session, current, drawer),
    h('main', { class: 'main', id: 'main' }, page),
    drawer.element,
  );
  document.body.dataset.user = session.user.id;
  root.replaceChildren(provider);
  const heading = page.querySelector('h1')?.textContent;
  if (heading) document.title = `${heading} · Acme Delivery`;
}

boot().catch((error: unknown) => {
  const root = document.getElementById('app') as HTMLElement;
  root.replaceChildren(
    h(
      'p',
      { class: 'boot error', role: 'alert' },
      `The demo could not start: ${error instanceof Error ? error.message : String(error)}`,
    ),
  );
});
