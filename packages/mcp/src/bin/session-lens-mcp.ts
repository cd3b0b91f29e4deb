#!/usr/bin/env node
/**
 * `session-lens-mcp`: serves the session tools over stdio. Configure with `SESSION_LENS_URL` and
 * `SESSION_LENS_TOKEN`. Stdout carries the protocol, so diagnostics go to stderr.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { clientFromEnv, createSessionLensMcpServer } from '../server.js';

try {
  const server = createSessionLensMcpServer({ client: clientFromEnv(process.env) });
  await server.connect(new StdioServerTransport());
} catch (error) {
  process.stderr.write(`session-lens-mcp: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
