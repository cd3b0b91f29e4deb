import { html, nothing, type TemplateResult } from 'lit';
import type { Member } from '@session-lens/sdk';
import { LensElement } from '../base/lens-element.js';
import { LensConsumer } from '../context/lens-consumer.js';
import { MembersController } from '../data/members-controller.js';
import { SessionOwnersChangeEvent } from '../events/events.js';
import { clampText, errorMessage, initials } from '../internal/format.js';
import { messagesForLocale, type Messages } from '../internal/messages.js';
import { tokens } from '../styles/tokens.js';
import { countStyles, fieldStyles } from '../styles/shared.js';
import { ownerFacetStyles } from './owner-facet.styles.js';

/**
 * The owner facet of a session list: a Filter button that opens a searchable checklist of every
 * workspace member, with Apply and Clear. It shows the selection it is given (`owners`) and
 * reports a person's choice with `session-owners-change`; it never changes `owners` itself.
 *
 * The members come from `members`, else they are loaded through the provider's client when the
 * checklist first opens (one request per client, shared by every facet on the page). Escape
 * closes the checklist; closing returns focus to the Filter button.
 *
 * `<session-list>` renders one in its toolbar; use it on its own beside a list of your own.
 *
 * @summary Filter button and member checklist for narrowing a list by owner.
 * @tagname session-owner-facet
 *
 * @fires {SessionOwnersChangeEvent} session-owners-change - A person applied or cleared the selection.
 *
 * @csspart filter - The Filter button (with the number of owners selected).
 * @csspart facet - The checklist panel.
 */
export class SessionOwnerFacet extends LensElement {
  static override styles = [tokens, fieldStyles, countStyles, ownerFacetStyles];

  static override properties = {
    owners: { attribute: false },
    members: { attribute: false },
    open: { state: true },
    query: { state: true },
    draft: { state: true },
  };

  /** The selected owners (member ids); empty for everyone. */
  owners: readonly string[] = [];

  /** Every workspace member to choose from; loaded through the provider's client when unset. */
  members?: readonly Member[];

  private open = false;
  private query = '';
  private draft = new Set<string>();

  readonly #lens = new LensConsumer(this);
  readonly #members = new MembersController(this, () => this.#lens.client);

  async #toggle(): Promise<void> {
    this.open = !this.open;
    if (!this.open) return;
    this.draft = new Set(this.owners);
    this.query = '';
    if (!this.members) this.#members.load();
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLInputElement>('.facet input[type=search]')?.focus();
  }

  #close(): void {
    this.open = false;
    void this.updateComplete.then(() =>
      this.shadowRoot?.querySelector<HTMLElement>('[part~=filter]')?.focus(),
    );
  }

  #apply(owners: string[]): void {
    this.dispatchEvent(new SessionOwnersChangeEvent(owners));
    this.#close();
  }

  #toggleDraft(id: string, checked: boolean): void {
    const next = new Set(this.draft);
    if (checked) next.add(id);
    else next.delete(id);
    this.draft = next;
  }

  #onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.#close();
  }

  #renderMembers(words: Messages): TemplateResult {
    const loaded = this.#members.state;
    const members = this.members ?? (loaded.status === 'ready' ? loaded.members : undefined);
    if (!members) {
      const failed = loaded.status === 'error';
      return html`<p class="text" role=${failed ? 'alert' : 'status'}>
        ${failed ? words.membersFailed(errorMessage(loaded.error, words.somethingWrong)) : words.loadingMembers}
      </p>`;
    }
    const needle = this.query.trim().toLocaleLowerCase();
    const shown = members.filter((member) => !needle || member.name.toLocaleLowerCase().includes(needle));
    return html`<ul class="members" aria-label=${words.members}>
      ${shown.map(
        (member) =>
          html`<li>
            <label>
              <input
                type="checkbox"
                .checked=${this.draft.has(member.id)}
                @change=${(event: Event) =>
                  this.#toggleDraft(member.id, (event.target as HTMLInputElement).checked)}
              />
              <span aria-hidden="true" class="count">${initials(member.name)}</span>
              <span class="text">${clampText(member.name, 200)}</span>
            </label>
          </li>`,
      )}
      ${shown.length === 0 ? html`<li class="text">${words.noMemberMatches}</li>` : nothing}
    </ul>`;
  }

  #renderPanel(words: Messages): TemplateResult | typeof nothing {
    if (!this.open) return nothing;
    return html`<div
      part="facet"
      class="facet"
      id="owner-facet"
      role="dialog"
      aria-labelledby="facet-heading"
      @keydown=${this.#onKeydown}
    >
      <h2 id="facet-heading">${words.owner}</h2>
      <input
        type="search"
        aria-label=${words.searchMembers}
        placeholder=${words.searchMembers}
        .value=${this.query}
        @input=${(event: Event) => (this.query = (event.target as HTMLInputElement).value)}
      />
      ${this.#renderMembers(words)}
      <div class="facet-actions">
        <button class="button" type="button" @click=${() => this.#apply([])}>${words.clear}</button>
        <button class="button primary" type="button" @click=${() => this.#apply([...this.draft])}>
          ${words.apply}
        </button>
      </div>
    </div>`;
  }

  override render() {
    const words = messagesForLocale(this.locale.lang);
    return html`<button
        part="filter"
        class="button"
        type="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="owner-facet"
        @click=${this.#toggle}
      >
        ${words.filter}${
          this.owners.length > 0
            ? html` <span class="count"
                ><span class="visually-hidden">${words.ownersSelected}</span>${this.owners.length}</span
              >`
            : nothing
        }
      </button>
      ${this.#renderPanel(words)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'session-owner-facet': SessionOwnerFacet;
  }
}
