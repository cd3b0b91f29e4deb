import * as z from 'zod/mini';
import { describe, expect, it, vi } from 'vitest';

describe('OpenAPI components', () => {
  it('are named by the generator, not by the contract the browser parses with (X6)', async () => {
    // Fresh module instances: nothing imported earlier in this worker has touched their schemas.
    vi.resetModules();
    const contract = await import('../contract/index.js');
    expect(z.globalRegistry.get(contract.Session)).toBeUndefined();
    expect(z.globalRegistry.get(contract.SessionStatus)).toBeUndefined();

    await import('./components.js');
    expect(z.globalRegistry.get(contract.Session)?.id).toBe('Session');
    expect(z.globalRegistry.get(contract.SessionStatus)).toMatchObject({
      id: 'SessionStatus',
      examples: ['running'],
    });
  });
});
