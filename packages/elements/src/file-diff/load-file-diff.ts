import { defineElements } from '../internal/define-elements.js';

let loading: Promise<void> | undefined;

/**
 * Loads and registers `<session-file-diff>` (its own chunk, with the `diff` package) unless it is
 * defined already (by `define.js`, which bundles it). The transcript asks for it when it first
 * shows a file edit; a failed download is tried again on the next ask.
 */
export function loadFileDiff(): Promise<void> {
  if (customElements.get('session-file-diff')) return Promise.resolve();
  loading ??= import('./file-diff.js').then(
    ({ FileDiff }) => defineElements({ 'session-file-diff': FileDiff }),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
