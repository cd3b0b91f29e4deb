/// <reference types="mocha" />
/** A file edit in `<session-detail>` as a line diff, against the REAL reference server. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../define.js';
import type { SessionDetail } from '../session-detail/session-detail.js';
import { postActivity, realServer, startSession } from '../test/real-server.js';

describe('file edits as diffs on the real server', function () {
  this.timeout(60_000);

  it('renders an agent file edit as a diff whose parts the host styles through the detail', async () => {
    const { baseUrl, tokens } = await realServer();
    const session = await startSession({ kind: 'task', title: `Diff e2e ${Date.now()}` });
    await postActivity(session.id, {
      status: 'running',
      transcript: [
        {
          type: 'file_edit',
          path: 'src/jobs/nightly.ts',
          before: 'export const job = {\n  retries: 3,\n  queue: "nightly",\n};\n',
          after: 'export const job = {\n  retries: 5,\n  queue: "nightly",\n};\n',
        },
      ],
    });
    const style = document.createElement('style');
    style.textContent = 'session-detail::part(diff-line-added) { outline: 3px solid rgb(1, 2, 3); }';
    document.head.append(style);
    try {
      const provider = await fixture<HTMLElement>(
        html`<session-lens-provider base-url=${baseUrl} token=${tokens.admin}>
          <session-detail session-id=${session.id}></session-detail>
        </session-lens-provider>`,
      );
      const detail = provider.querySelector<SessionDetail>('session-detail')!;
      const diff = () => detail.shadowRoot!.querySelector('session-file-diff');
      await waitUntil(() => diff()?.shadowRoot?.querySelector('[part~=diff-line-added]'), 'the diff', {
        timeout: 10_000,
      });
      const root = diff()!.shadowRoot!;
      expect(root.querySelectorAll('[part~=diff]')).to.have.length(1);
      const added = root.querySelector('[part~=diff-line-added]')!;
      const removed = root.querySelector('[part~=diff-line-removed]')!;
      expect(added.querySelector('.code')!.textContent).to.equal('  retries: 5,');
      expect(removed.querySelector('.code')!.textContent).to.equal('  retries: 3,');
      expect(added.querySelector('ins')!.textContent).to.equal('5');
      expect(getComputedStyle(added).outlineColor).to.equal('rgb(1, 2, 3)');
      await expect(detail).to.be.accessible();
    } finally {
      style.remove();
    }
  });
});
