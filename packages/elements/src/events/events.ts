import type { Session, SessionFilters } from '@session-lens/sdk';

/**
 * The elements' events (E11). Each is a small class with a typed `detail`; every one bubbles and
 * is composed (it crosses shadow roots, so a host page hears a row's event from inside a list),
 * and each fires only because a person did something, never because code set a property.
 */
const EVENT_INIT = { bubbles: true, composed: true } as const;

/** A row action a person can take from the index. */
export type SessionAction = 'cancel' | 'end' | 'approve' | 'reject';

/** Fired when a person opens a session (click or Enter on a row). */
export class SessionOpenEvent extends CustomEvent<{ session: Session }> {
  static readonly eventName = 'session-open';
  constructor(session: Session) {
    super(SessionOpenEvent.eventName, { ...EVENT_INIT, detail: { session } });
  }
}

/** Fired when a person asks to resume a session where it left off. */
export class SessionResumeEvent extends CustomEvent<{ session: Session }> {
  static readonly eventName = 'session-resume';
  constructor(session: Session) {
    super(SessionResumeEvent.eventName, { ...EVENT_INIT, detail: { session } });
  }
}

/** Fired when a person asks to open a session in their editor. */
export class SessionOpenEditorEvent extends CustomEvent<{ session: Session }> {
  static readonly eventName = 'session-open-editor';
  constructor(session: Session) {
    super(SessionOpenEditorEvent.eventName, { ...EVENT_INIT, detail: { session } });
  }
}

/**
 * Fired when a person takes a row action (Cancel, End), before the element calls the API.
 * Cancelable: a host that calls `preventDefault()` performs the action itself.
 */
export class SessionActionEvent extends CustomEvent<{ session: Session; action: SessionAction }> {
  static readonly eventName = 'session-action';
  constructor(session: Session, action: SessionAction) {
    super(SessionActionEvent.eventName, { ...EVENT_INIT, cancelable: true, detail: { session, action } });
  }
}

/** Fired when the server refused an action a person took; the element shows the error too. */
export class SessionActionErrorEvent extends CustomEvent<{
  session: Session;
  action: SessionAction;
  error: unknown;
  message: string;
}> {
  static readonly eventName = 'session-action-error';
  constructor(session: Session, action: SessionAction, error: unknown, message: string) {
    super(SessionActionErrorEvent.eventName, { ...EVENT_INIT, detail: { session, action, error, message } });
  }
}

/** Fired when a person changes a list's filters (kind tab, owners, status, search). */
export class SessionFiltersChangeEvent extends CustomEvent<{ filters: SessionFilters }> {
  static readonly eventName = 'session-filters-change';
  constructor(filters: SessionFilters) {
    super(SessionFiltersChangeEvent.eventName, { ...EVENT_INIT, detail: { filters } });
  }
}

/** Fired when a person applies or clears an owner facet's selection. */
export class SessionOwnersChangeEvent extends CustomEvent<{ owners: string[] }> {
  static readonly eventName = 'session-owners-change';
  constructor(owners: string[]) {
    super(SessionOwnersChangeEvent.eventName, { ...EVENT_INIT, detail: { owners } });
  }
}

declare global {
  interface HTMLElementEventMap {
    'session-open': SessionOpenEvent;
    'session-resume': SessionResumeEvent;
    'session-open-editor': SessionOpenEditorEvent;
    'session-action': SessionActionEvent;
    'session-action-error': SessionActionErrorEvent;
    'session-filters-change': SessionFiltersChangeEvent;
    'session-owners-change': SessionOwnersChangeEvent;
  }
}
