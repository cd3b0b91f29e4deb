import { ContextEvent, createContext } from '@lit/context';
import type { Session } from '@session-lens/sdk';

/**
 * Where the server's answer to an action goes: the live store the acting element's session came
 * from. `LiveSessions` from `@session-lens/sdk` satisfies it (`apply` keeps the newest version).
 */
export type SessionStore = {
  /** Takes in a session the server answered with; an older version than the one held is ignored. */
  apply(session: Session): void;
};

/** The live store of the nearest list (`<session-list>`, `<command-center>`) around an element. */
export const sessionStoreContext = createContext<SessionStore | undefined>(
  Symbol('session-lens/session-store'),
);

/**
 * Asks once, without subscribing, for the live store around `element`: an action asks when its
 * answer arrives, so a thousand rows cost no standing context subscription.
 */
export function nearestSessionStore(element: HTMLElement): SessionStore | undefined {
  let store: SessionStore | undefined;
  element.dispatchEvent(new ContextEvent(sessionStoreContext, element, (value) => (store = value), false));
  return store;
}
