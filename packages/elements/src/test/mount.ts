/**
 * Mounts elements under a programmatic provider with a hand-driven clock, so tests control time,
 * identity and the client.
 */
import { fixture, html } from '@open-wc/testing';
import { render, type LitElement, type TemplateResult } from 'lit';
import { LensClock } from '../context/clock.js';
import { identityFromMe, type LensClient, type LensIdentity } from '../context/lens-context.js';
import { provideSessionLens } from '../context/provide.js';
import { fakeClient } from './fake-client.js';
import { NOW, identities } from './fixtures.js';

export type Mounted<T> = {
  el: T;
  wrapper: HTMLElement;
  clock: LensClock;
  /** Moves the clock forward and lets the elements re-render. */
  advance(ms: number): Promise<void>;
};

export async function mount<T extends LitElement>(
  template: TemplateResult,
  options: { client?: LensClient; identity?: LensIdentity | null } = {},
): Promise<Mounted<T>> {
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  let now = NOW;
  const clock = new LensClock({ now: () => now, autoTick: false });
  const identity =
    options.identity === null ? undefined : (options.identity ?? identityFromMe(identities.admin));
  provideSessionLens(wrapper, options.client ?? fakeClient(), {
    clock,
    identity: identity ?? { status: 'error', me: undefined, scopes: new Set() },
  });
  render(template, wrapper);
  const el = wrapper.firstElementChild as T;
  await el.updateComplete;
  return {
    el,
    wrapper,
    clock,
    async advance(ms) {
      now += ms;
      clock.tick();
      await el.updateComplete;
    },
  };
}

/** Collects the given events fired on (or bubbling through) `target`. */
export function recordEvents(target: EventTarget, names: string[]): Event[] {
  const seen: Event[] = [];
  for (const name of names) target.addEventListener(name, (event) => seen.push(event));
  return seen;
}

/** The shadow root's visible text, whitespace collapsed. */
export function textOf(root: Element | ShadowRoot | null | undefined): string {
  return (root?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
