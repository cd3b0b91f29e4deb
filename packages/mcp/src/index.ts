/**
 * `@session-lens/mcp`: a Model Context Protocol server exposing the Session Lens session tools.
 *
 * @packageDocumentation
 */
export { createSessionLensMcpServer, clientFromEnv, type McpServerOptions } from './server.js';
