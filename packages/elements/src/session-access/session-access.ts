import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Session, Visibility } from '@session-lens/sdk';
import { LensElement } from '../base/lens-element.js';
import { LensConsumer } from '../context/lens-consumer.js';
import { clampText } from '../internal/format.js';
import { detailMessagesForLocale, type DetailMessages } from '../internal/detail-messages.js';
import { tokens } from '../styles/tokens.js';
import { AccessController, type SessionVisibilityChangeEvent } from './access-controller.js';
import { sessionAccessStyles } from './session-access.styles.js';

type AccessWords = DetailMessages['access'];

/** Someone a visibility list can name: a member or a group. */
type Grantee = {
  readonly id: string;
  readonly name: string;
  readonly group: boolean;
  readonly email?: string;
};

/** The most search matches the dialog lists at once. */
const MAX_MATCHES = 20;

/**
 * Who can see a session (E14), inside `<session-detail>`: the whole workspace, or the members and
 * groups of its visibility list. A caller holding `sessions:admin` also gets Manage access: a modal
 * dialog with a workspace-wide toggle, the people and groups who can see the session (each with
 * Remove), a search over every member and group (`GET /v1/members`) to add more, and Save, which
 * replaces the list through `PUT /v1/sessions/{id}/visibility`. A refusal (a 409 conflict
 * included) is shown in the dialog. The dialog traps focus while open (the page behind it is
 * inert), closes on Escape or Cancel, and returns focus to Manage access.
 *
 * @summary Who can see a session, and Manage access for admins.
 * @tagname session-access
 *
 * @fires {SessionVisibilityChangeEvent} session-visibility-change - A person saved who may see the session; `detail.session` is the server's answer.
 *
 * @csspart access - The section: heading, who can see, Manage access.
 * @csspart manage-access - The Manage access button.
 * @csspart access-dialog - The dialog.
 * @csspart access-error - The server's refusal of a save.
 */
export class SessionAccess extends LensElement {
  static override styles = [tokens, sessionAccessStyles];

  static override properties = {
    session: { attribute: false },
    scopes: { attribute: false },
    draft: { state: true },
    parked: { state: true },
    query: { state: true },
  };

  /** The session whose access is shown. */
  session?: Session;

  /** The caller's scopes; when unset, the provider's identity decides. */
  scopes?: readonly string[];

  /** The list being edited while the dialog is open. */
  private draft: Visibility | undefined;

  /** The list as it was when the workspace-wide toggle was turned on, to restore when it is turned off. */
  private parked: Visibility | undefined;

  private query = '';

  readonly #lens = new LensConsumer(this);
  readonly #access = new AccessController(this, () => this.#lens.client);

  #words(): DetailMessages {
    return detailMessagesForLocale(this.locale.lang);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // Names for the ids of a list, and the directory for the dialog.
    if (this.session?.visibility.type === 'list' || this.draft) this.#access.loadDirectory();
    if (changed.has('session') && changed.get('session')?.id !== this.session?.id) this.#close();
  }

  /** Every member and group, as the dialog lists them. */
  #grantees(): Grantee[] {
    const directory = this.#access.directory;
    if (!directory) return [];
    const words = this.#words().access;
    return [
      ...directory.data.map((member) => ({
        id: member.id,
        name: member.name,
        group: false,
        ...(member.email ? { email: member.email } : {}),
      })),
      ...directory.groups.map((group) => ({
        id: group.id,
        name: `${group.name} (${words.group})`,
        group: true,
      })),
    ];
  }

  /** The grantees a list names, in its order; an id the directory does not know shows as itself. */
  #named(visibility: Extract<Visibility, { type: 'list' }>): Grantee[] {
    const all = this.#grantees();
    const find = (id: string, group: boolean): Grantee =>
      all.find((one) => one.group === group && one.id === id) ?? { id, name: id, group };
    return [
      ...visibility.members.map((id) => find(id, false)),
      ...visibility.groups.map((id) => find(id, true)),
    ];
  }

  #dialog(): HTMLDialogElement | null | undefined {
    return this.shadowRoot?.querySelector('dialog');
  }

  async #open(session: Session): Promise<void> {
    this.draft = session.visibility;
    this.parked = undefined;
    this.query = '';
    this.#access.clearRefusal();
    await this.updateComplete;
    this.#dialog()?.showModal();
  }

  #close(): void {
    this.draft = undefined;
    const dialog = this.#dialog();
    if (dialog?.open) dialog.close();
  }

  /** Every way the dialog closes (Escape included) ends here: focus goes back to Manage access. */
  readonly #closed = (): void => {
    this.draft = undefined;
    this.shadowRoot?.querySelector<HTMLElement>('[part~=manage-access]')?.focus();
  };

  #toggleWorkspace(on: boolean): void {
    if (on) {
      this.parked = this.draft;
      this.draft = { type: 'workspace' };
    } else {
      this.draft = this.parked?.type === 'list' ? this.parked : { type: 'list', members: [], groups: [] };
    }
  }

  #change(grantee: Grantee, add: boolean): void {
    const draft = this.draft;
    if (draft?.type !== 'list') return;
    const key = grantee.group ? 'groups' : 'members';
    const ids = draft[key].filter((id) => id !== grantee.id);
    this.draft = { ...draft, [key]: add ? [...ids, grantee.id] : ids };
  }

  async #save(session: Session, draft: Visibility): Promise<void> {
    if (await this.#access.save(session, draft, this.#words().somethingWrong)) this.#close();
  }

  #summary(session: Session, words: AccessWords): string {
    const visibility = session.visibility;
    if (visibility.type === 'workspace') return words.workspace;
    const named = this.#named(visibility);
    return named.length === 0 ? words.nobody : named.map((one) => one.name).join(', ');
  }

  #renderGrantee(grantee: Grantee, add: boolean, words: AccessWords): TemplateResult {
    const verb = add ? words.add : words.remove;
    return html`<li>
      <span class="text">${clampText(grantee.name, 200)}</span>
      <button
        class="button"
        type="button"
        aria-label=${`${verb} ${grantee.name}`}
        @click=${() => this.#change(grantee, add)}
      >
        ${verb}
      </button>
    </li>`;
  }

  #renderList(draft: Extract<Visibility, { type: 'list' }>, words: AccessWords): TemplateResult {
    const granted = this.#named(draft);
    const taken = new Set(granted.map((one) => `${one.group}:${one.id}`));
    const query = this.query.trim().toLocaleLowerCase();
    const matches = this.#grantees()
      .filter((one) => !taken.has(`${one.group}:${one.id}`))
      .filter((one) => !query || `${one.name} ${one.email ?? ''}`.toLocaleLowerCase().includes(query))
      .slice(0, MAX_MATCHES);
    const loading = !this.#access.directory && !this.#access.directoryFailed;
    return html`<h3 id="granted">${words.granted}</h3>
      ${
        granted.length
          ? html`<ul aria-labelledby="granted">
              ${granted.map((one) => this.#renderGrantee(one, false, words))}
            </ul>`
          : html`<p class="muted">${words.nobody}</p>`
      }
      <label for="search">${words.search}</label>
      <input
        id="search"
        type="search"
        autocomplete="off"
        .value=${this.query}
        @input=${(event: Event) => (this.query = (event.target as HTMLInputElement).value)}
      />
      ${
        loading
          ? html`<p class="muted" role="status">${words.loadingMembers}</p>`
          : matches.length
            ? html`<ul aria-label=${words.search}>
                ${matches.map((one) => this.#renderGrantee(one, true, words))}
              </ul>`
            : html`<p class="muted">${words.noMatch}</p>`
      }`;
  }

  #renderDialog(session: Session, words: DetailMessages): TemplateResult {
    const draft = this.draft;
    const access = words.access;
    const refusal = this.#access.refusal;
    const saving = this.#access.saving;
    return html`<dialog part="access-dialog" aria-labelledby="dialog-title" @close=${this.#closed}>
      ${
        draft
          ? html`<h2 id="dialog-title">${access.manage}</h2>
              <p class="muted text">${clampText(session.title, 200)}</p>
              <label class="toggle">
                <input
                  type="checkbox"
                  .checked=${draft.type === 'workspace'}
                  @change=${(event: Event) => this.#toggleWorkspace((event.target as HTMLInputElement).checked)}
                />
                ${access.everyone}
              </label>
              ${draft.type === 'list' ? this.#renderList(draft, access) : nothing}
              ${
                refusal
                  ? html`<p part="access-error" class="error text" role="alert">
                      ${refusal.conflict ? `${access.conflict} ` : ''}${clampText(refusal.message, 500)}
                    </p>`
                  : nothing
              }
              <div class="actions">
                <button class="button" type="button" @click=${() => this.#close()}>${access.cancel}</button>
                <button
                  class="button primary"
                  type="button"
                  ?disabled=${saving}
                  @click=${() => void this.#save(session, draft)}
                >
                  ${saving ? access.saving : access.save}
                </button>
              </div>`
          : nothing
      }
    </dialog>`;
  }

  override render() {
    const given = this.session;
    if (!given) return nothing;
    const session = this.#access.latest(given);
    const words = this.#words();
    const admin =
      this.#lens.holds('sessions:admin', this.scopes) && !!this.#lens.client?.sessions.setVisibility;
    return html`<section part="access" class="access" aria-labelledby="access-heading">
      <h3 id="access-heading">${words.access.heading}</h3>
      <p class="who text">${this.#summary(session, words.access)}</p>
      ${
        admin
          ? html`<button
                part="manage-access"
                class="button"
                type="button"
                @click=${() => void this.#open(session)}
              >
                ${words.access.manage}
              </button>
              ${this.#renderDialog(session, words)}`
          : nothing
      }
    </section>`;
  }
}

export { SessionVisibilityChangeEvent } from './access-controller.js';

declare global {
  interface HTMLElementTagNameMap {
    'session-access': SessionAccess;
  }
  interface HTMLElementEventMap {
    'session-visibility-change': SessionVisibilityChangeEvent;
  }
}
