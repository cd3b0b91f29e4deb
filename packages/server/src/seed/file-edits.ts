/**
 * The file edits of the demo seed: for each path of `FILES`, what an agent changed in it, so an
 * opened session shows a real line diff (E13). Most are edits of a few lines inside a longer
 * file; one file is created and one deleted. Fixed text: choosing one costs no random draw, so
 * the rest of the seed stays as it was.
 */
export type DemoFileEdit = { before: string | null; after: string | null };

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

const apiBefore = lines(
  "import { createClient } from './payments/v1.js';",
  "import { logger } from '../logger.js';",
  '',
  'const retries = 3;',
  'const timeoutMs = 10_000;',
  '',
  'export async function capture(orderId: string, amount: number) {',
  '  const client = createClient({ retries, timeoutMs });',
  '  const result = await client.capture({ orderId, amount });',
  "  logger.info('captured', { orderId });",
  '  return result;',
  '}',
  '',
  'export async function refund(orderId: string) {',
  '  const client = createClient({ retries, timeoutMs });',
  '  return client.refund({ orderId });',
  '}',
);

const apiAfter = lines(
  "import { createClient } from './payments/v2.js';",
  "import { logger } from '../logger.js';",
  '',
  'const retries = Number(process.env.RETRIES ?? 5);',
  'const timeoutMs = 10_000;',
  '',
  'export async function capture(orderId: string, amountMinor: number) {',
  '  const client = createClient({ retries, timeoutMs });',
  "  const result = await client.capture({ orderId, amount: amountMinor, currency: 'EUR' });",
  "  logger.info('captured', { orderId, amountMinor });",
  '  return result;',
  '}',
  '',
  'export async function refund(orderId: string) {',
  '  const client = createClient({ retries, timeoutMs });',
  '  return client.refund({ orderId });',
  '}',
);

const rankBefore = lines(
  'def score(doc, query):',
  '    bm25 = doc.bm25(query)',
  '    fresh = doc.freshness()',
  '    return 0.8 * bm25 + 0.2 * fresh',
);

const rankAfter = lines(
  'def score(doc, query, weights=DEFAULT_WEIGHTS):',
  '    bm25 = doc.bm25(query)',
  '    fresh = doc.freshness()',
  '    clicks = doc.click_rate(query)',
  '    return weights.bm25 * bm25 + weights.fresh * fresh + weights.clicks * clicks',
);

const migration = lines(
  'create table orders (',
  '  id text primary key,',
  '  customer_id text not null,',
  '  amount_minor bigint not null,',
  "  currency text not null default 'EUR',",
  '  created_at timestamptz not null default now()',
  ');',
  'create index orders_customer on orders (customer_id, created_at desc);',
);

const readmeBefore = lines(
  '# Shop',
  '',
  'Run `npm start` and open http://localhost:3000.',
  '',
  '## Payments',
  '',
  'Payments go through the v1 API.',
);

const readmeAfter = lines(
  '# Shop',
  '',
  'Run `npm start` and open http://localhost:3000.',
  '',
  '## Payments',
  '',
  'Payments go through the v2 API; set `RETRIES` to change how often a capture is retried.',
);

const routes = lines(
  "import { Checkout } from './checkout/legacy-checkout.js';",
  '',
  'export const legacyRoutes = [',
  "  { path: '/checkout/step-1', element: Checkout },",
  "  { path: '/checkout/step-2', element: Checkout },",
  "  { path: '/checkout/step-3', element: Checkout },",
  '];',
);

const terraformBefore = lines(
  'resource "aws_instance" "worker" {',
  '  ami           = var.worker_ami',
  '  instance_type = "m5.2xlarge"',
  '  count         = 6',
  '}',
);

const terraformAfter = lines(
  'resource "aws_instance" "worker" {',
  '  ami           = var.worker_ami',
  '  instance_type = "m6i.xlarge"',
  '  count         = 4',
  '}',
);

/** What was done to each demo file: created, deleted or edited. */
export const DEMO_FILE_EDITS: Readonly<Record<string, DemoFileEdit>> = {
  'src/checkout/api.ts': { before: apiBefore, after: apiAfter },
  'src/search/rank.py': { before: rankBefore, after: rankAfter },
  'migrations/0042_orders.sql': { before: null, after: migration },
  'README.md': { before: readmeBefore, after: readmeAfter },
  'src/app/routes.tsx': { before: routes, after: null },
  'infra/main.tf': { before: terraformBefore, after: terraformAfter },
};
