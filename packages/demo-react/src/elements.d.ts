/**
 * JSX types for the Session Lens tags. React 19 sets a custom element's known properties as
 * properties (objects and functions included) and turns `on<event-name>` props into listeners for
 * that exact event, so each tag takes its element's properties plus its events.
 */
import type { DetailedHTMLProps, HTMLAttributes, ReactNode } from 'react';
import type {
  CommandCenter,
  SessionDetail,
  SessionLensProvider,
  SessionList,
  SessionOpenEvent,
  SessionResumeEvent,
  SessionTab,
} from '@session-lens/elements';

type Base<E extends HTMLElement> = Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, 'children'> & {
  children?: ReactNode;
  class?: string;
};

type ElementProps<E extends HTMLElement, K extends keyof E> = Base<E> & Partial<Pick<E, K>>;

type OpenEvents = {
  'onsession-open'?: (event: SessionOpenEvent) => void;
  'onsession-resume'?: (event: SessionResumeEvent) => void;
};

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'session-lens-provider': ElementProps<SessionLensProvider, 'token' | 'getToken' | 'client'> & {
        'base-url'?: string;
      };
      'session-list': ElementProps<
        SessionList,
        'kind' | 'owners' | 'status' | 'query' | 'scope' | 'filters' | 'members' | 'pageSize'
      > &
        OpenEvents & { tabs?: string; search?: boolean; 'status-filter'?: boolean };
      'session-tab': ElementProps<SessionTab, 'scope' | 'tabs' | 'search' | 'openSessionId' | 'members'> &
        OpenEvents & { 'status-filter'?: boolean };
      'session-detail': ElementProps<SessionDetail, 'session' | 'activeTab'> & { 'session-id'?: string };
      'command-center': ElementProps<CommandCenter, 'heading' | 'filters'> &
        OpenEvents & { 'recent-limit'?: number };
    }
  }
}
