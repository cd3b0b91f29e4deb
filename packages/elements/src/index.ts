/**
 * `@session-lens/elements`: framework-agnostic Lit web components for an embeddable, live
 * Sessions index. The elements land in a later release; this entry builds so the workspace,
 * its references and its consumers are wired from the start.
 *
 * @packageDocumentation
 */
export {};
