import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Session, TokenRequest } from '@session-lens/sdk';
import type { SessionOpenEvent } from '@session-lens/elements';
import { embedTokenGetter, fetchHostSession, type HostSession } from '@session-lens/demo/host-kit';

/** A getToken for one record, made once per record. */
function useEmbedToken(record: string): (context: TokenRequest) => Promise<string> {
  return useMemo(() => embedTokenGetter(record), [record]);
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
    fetchHostSession()
      .then(setSession)
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
