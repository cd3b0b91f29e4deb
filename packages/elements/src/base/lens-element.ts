import { LitElement } from 'lit';
import { themed } from '../styles/theme.js';
import { LocaleController } from './locale-controller.js';

/**
 * What every Session Lens element shares: the theme sheet adopted where a `theme` attribute can
 * reach it, and the language and direction it sits in, observed (`this.locale.lang`,
 * `this.locale.dir`; a change on an ancestor re-renders the element).
 *
 * What only some elements need (the provider's client, identity and clock) stays in controllers
 * they add themselves: {@link LensConsumer}.
 */
export class LensElement extends LitElement {
  static {
    themed(this);
  }

  /** The language and direction this element renders in. */
  protected readonly locale: LocaleController = new LocaleController(this);
}
