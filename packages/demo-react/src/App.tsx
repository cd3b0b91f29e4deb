import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Session, TokenRequest } from '@session-lens/sdk';
import type { SessionOpenEvent } from '@session-lens/elements';

type HostSession = { user: { id: string; label: string; name: string }; token: string };

/**
 * A getToken for one record: the demo host's server mints a read-only embed token, reused until
 * near expiry or until the server refuses it (`refresh`).
 */
function useEmbedToken(record: string): (context: TokenRequest) => Promise<string> {
  return useMemo(() => {
    let current: Promise<{ token: string; expiresAt: number }> | undefined;
    const mint = async () => {
      const response = await fetch(`/host/embed-token?record=${encodeURIComponent(record)}`);
      const body = (await response.json()) as { token?: string; expiresAt?: string; detail?: string };
      if (!response.ok || !body.token || !body.expiresAt)
        throw new Error(body.detail ?? `HTTP ${response.status}`);
      return { token: body.token, expiresAt: Date.parse(body.expiresAt) };
    };
    return async ({ refresh }: TokenRequest) => {
      const held = current && !refresh ? await current.catch(() => undefined) : undefined;
      if (!held || held.expiresAt - Date.now() < 60_000) current = mint();
      return (await current)!.token;
    };
  }, [record]);
}

/**
 * The React host: the workspace Sessions list with a detail beside it, and an initiative's
 * Sessions tab with its embed token. The same elements as the plain-HTML demo, no wrappers.
 */
export function App() {
  const [session, setSession] = useState<HostSession | undefined>();
  const [error, setError] = useState('');
  const [view, setView] = useState<'workspace' | 'initiative'>('workspace');
  const [selected, setSelected] = useState<Session | undefined>();
  const getEmbedToken = useEmbedToken('initiative:init_checkout');

  useEffect(() => {
    fetch('/host/session')
      .then(async (response) => {
        if (!response.ok) throw new Error(`The host answered ${response.status}`);
        setSession((await response.json()) as HostSession);
      })
      .catch((cause: unknown) => setError(String(cause)));
  }, []);

  const onOpen = useCallback((event: SessionOpenEvent) => setSelected(event.detail.session), []);

  if (error) return <p role="alert">The React demo could not start: {error}</p>;
  if (!session) return <p className="muted">Loading…</p>;

  return (
    <session-lens-provider base-url={location.origin} token={session.token}>
      <header className="topbar">
        <strong>Acme Delivery</strong>
        <span className="tag">React 19</span>
        <nav>
          <button aria-pressed={view === 'workspace'} onClick={() => setView('workspace')}>
            Sessions
          </button>
          <button aria-pressed={view === 'initiative'} onClick={() => setView('initiative')}>
            Checkout v2
          </button>
        </nav>
        <span className="spacer" />
        <span className="muted">
          {session.user.name} · {session.user.label}
        </span>
        <a href="/initiatives/init_checkout">Plain HTML demo</a>
      </header>
      <main>
        {view === 'workspace' ? (
          <div className="split">
            <session-list search onsession-open={onOpen} />
            <aside className="detail" aria-label="Selected session">
              {selected ? (
                <>
                  <h2 data-testid="selected-title">{selected.title}</h2>
                  <session-detail session-id={selected.id} session={selected} />
                </>
              ) : (
                <p className="muted">Open a session to read it here.</p>
              )}
            </aside>
          </div>
        ) : (
          <session-lens-provider base-url={location.origin} getToken={getEmbedToken}>
            <session-tab scope="initiative:init_checkout" search />
          </session-lens-provider>
        )}
      </main>
    </session-lens-provider>
  );
}
