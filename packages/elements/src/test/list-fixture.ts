import { html, nextFrame, waitUntil } from '@open-wc/testing';
import type { SessionList } from '../session-list/session-list.js';
import { fakeClient } from './fake-client.js';
import { fakeStoreFactory } from './fake-store.js';
import { members, sessions } from './fixtures.js';
import { mount, textOf } from './mount.js';

/** A `<session-list>` of the fixture sessions in `lang` / `dir`, once its rows have rendered. */
export async function mountFixtureList(
  attributes: { lang?: string; dir?: string } = {},
): Promise<SessionList> {
  const { el } = await mount<SessionList>(
    html`<session-list
      lang=${attributes.lang ?? ''}
      dir=${attributes.dir ?? 'ltr'}
      .storeFactory=${fakeStoreFactory(Object.values(sessions))}
      .members=${members}
    ></session-list>`,
    { client: fakeClient({ members }) },
  );
  await waitUntil(() => el.shadowRoot!.querySelectorAll('session-row').length > 0, 'rows rendered');
  await nextFrame();
  return el;
}

/** The texts of a list's kind tabs, in order. */
export const tabTexts = (el: SessionList): string[] =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=tab]')].map((tab) => textOf(tab));
