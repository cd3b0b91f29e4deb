import { rules as recommendedRules } from '@secretlint/secretlint-rule-preset-recommend';
import { Priority, type Finding } from './finding.js';

/*
 * Runs the rules of @secretlint/secretlint-rule-preset-recommend directly, through secretlint's
 * rule contract (`create(context, options)` → `{ file(source) }`, reports with a message id,
 * data and a range), instead of through @secretlint/core. The core is built for one-shot CLI runs:
 * every lint call leaves ~56 `performance.mark` entries in Node's global performance timeline
 * that are never cleared, which in a long-running server is an unbounded leak (measured: +130 MB
 * of heap after 12,000 calls), and it costs most of the time of a call.
 */

/** What a rule reports, as far as this runner reads it. */
type RuleReport = {
  readonly message: { readonly messageId: string; readonly data?: unknown };
  readonly range: readonly [number, number];
};

/** The part of secretlint's rule context (`SecretLintRuleContext`) that the preset's rules use. */
type RuleContext = {
  readonly sharedOptions: Record<string, never>;
  createTranslator(messages: unknown): (messageId: string, data?: unknown) => RuleReport['message'];
  report(report: RuleReport): void;
  ignore(descriptor: unknown): void;
};

/** The part of secretlint's source code object (`SecretLintSourceCode`) that scanners read. */
type RuleSource = {
  readonly content: string;
  readonly hasBOM: boolean;
  readonly filePath: undefined;
  readonly physicalFilePath: undefined;
  readonly contentType: 'text';
  readonly ext: string;
  getFilePath(): undefined;
  getPhysicalFilePath(): undefined;
};

type RuleHandler = { file?(source: RuleSource): unknown };

type RuleCreator = {
  readonly meta: {
    readonly id: string;
    readonly type: string;
    readonly supportedContentTypes: readonly string[];
  };
  create(context: RuleContext, options: Record<string, unknown>): RuleHandler;
};

const isRuleCreator = (value: unknown): value is RuleCreator => {
  if (typeof value !== 'object' || value === null) return false;
  const { meta, create } = value as { meta?: { id?: unknown; type?: unknown }; create?: unknown };
  return typeof create === 'function' && typeof meta?.id === 'string' && typeof meta.type === 'string';
};

/**
 * Rules left out of the preset. `filter-comments` honours `secretlint-disable` comments: text in a
 * transcript must not be able to switch its own redaction off.
 */
const EXCLUDED_RULES = new Set(['@secretlint/secretlint-rule-filter-comments']);

/** Options per rule id; anything not listed runs with the preset's defaults. */
const RULE_OPTIONS: Readonly<Record<string, Record<string, unknown>>> = {
  // Access key ids are off by default because a repository linter would flag documentation;
  // in a transcript an access key id next to its secret is exactly what must go.
  '@secretlint/secretlint-rule-aws': { enableIDScanRule: true },
};

/**
 * Message id → marker kind. An id missing here (a rule added in a later preset version) still
 * redacts, under its id in kebab case; `null` means "not a secret, leave it".
 */
const KIND_BY_MESSAGE_ID: Readonly<Record<string, string | null>> = {
  AWSAccessKeyID: 'aws-access-key',
  AWSSecretAccessKey: 'aws-secret-key',
  // An account id names an account; it grants nothing, and transcripts mention them routinely.
  AWSAccountID: null,
  PrivateKeyJSON: 'gcp-service-account',
  PrivateKeyP12: 'gcp-service-account',
  PrivateKey: 'private-key',
  NPM_ACCESS_TOKEN: 'npm-token',
  Npmrc_authToken: 'npm-token',
  PackageJSON_xOauthToken: 'github-token',
  BasicAuth: 'connection-string-password',
  PostgreSQLConnection: 'connection-string-password',
  MongoDBConnection: 'connection-string-password',
  MySQLConnection: 'connection-string-password',
  SLACK_TOKEN: 'slack-token',
  IncomingWebhook: 'slack-webhook',
  SENDGRID_KEY: 'sendgrid-key',
  SHOPIFY_KEY: 'shopify-token',
  GITHUB_TOKEN: 'github-token',
  GITLAB_PERSONAL_ACCESS_TOKEN: 'gitlab-token',
  OPENAI_TOKEN: 'openai-key',
  ANTHROPIC_API_KEY: 'anthropic-key',
  GROQ_API_KEY: 'groq-key',
  HUGGINGFACE_USER_ACCESS_TOKEN: 'huggingface-token',
  LINEAR_API_TOKEN: 'linear-key',
  NOTION_INTEGRATION_TOKEN: 'notion-token',
  OPS_TOKEN: 'onepassword-token',
  GRAFANA_CLOUD_API_TOKEN: 'grafana-token',
  GRAFANA_SERVICE_ACCOUNT_TOKEN: 'grafana-token',
  HASHICORP_VAULT_SERVICE_TOKEN: 'vault-token',
  HASHICORP_VAULT_BATCH_TOKEN: 'vault-token',
  HASHICORP_VAULT_RECOVERY_TOKEN: 'vault-token',
  VERCEL_PERSONAL_ACCESS_TOKEN: 'vercel-token',
  VERCEL_INTEGRATION_TOKEN: 'vercel-token',
  VERCEL_APP_ACCESS_TOKEN: 'vercel-token',
  VERCEL_APP_REFRESH_TOKEN: 'vercel-token',
  VERCEL_AI_GATEWAY_API_KEY: 'vercel-token',
  DATABRICKS_PERSONAL_ACCESS_TOKEN: 'databricks-token',
  DOCKER_PERSONAL_ACCESS_TOKEN: 'docker-token',
  FIGMA_PERSONAL_ACCESS_TOKEN: 'figma-token',
};

/**
 * Reports replaced by a rule of our own (vendor-rules.ts). The preset's Slack pattern caps each
 * segment at 40 characters, so an `xapp-` token's 64-character secret survived its redaction,
 * and it takes `xoxo-…`/`xoxa-…` words in prose for tokens.
 */
const SUPERSEDED_MESSAGE_IDS = new Set(['SLACK_TOKEN']);

const CONNECTION_STRING_IDS = new Set([
  'BasicAuth',
  'PostgreSQLConnection',
  'MongoDBConnection',
  'MySQLConnection',
]);

/** `FOO_BAR_TOKEN` or `FooBarToken` → `foo-bar-token`, for message ids this module does not know. */
const toKebabCase = (messageId: string): string =>
  messageId
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase() || 'secret';

/** The preset's scanners for text, created lazily on first use. */
let scanners: readonly RuleCreator[] | undefined;

const loadScanners = (): readonly RuleCreator[] => {
  scanners ??= (recommendedRules as readonly unknown[])
    .filter(isRuleCreator)
    .filter((rule) => rule.meta.type === 'scanner' && !EXCLUDED_RULES.has(rule.meta.id))
    .filter((rule) => ['text', 'all'].some((type) => rule.meta.supportedContentTypes.includes(type)));
  return scanners;
};

/** The ids of the secretlint rules this runner applies, for the README and the tests. */
export const secretlintRuleIds = (): readonly string[] => loadScanners().map((rule) => rule.meta.id);

/**
 * Narrows a reported range to the secret itself. secretlint reports ranges for a human reading a
 * lint report, not for replacement: connection strings report the whole URI, the GCP rule the
 * whole file, and the AWS secret and `_authToken` rules report the right length from the wrong
 * start (the start of the key name). Each case is narrowed here from the reported data.
 */
const narrow = (text: string, report: RuleReport): readonly [number, number] | undefined => {
  const { messageId, data } = report.message;
  const [start, end] = report.range;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    return undefined;
  }
  const span = text.slice(start, end);

  if (CONNECTION_STRING_IDS.has(messageId)) {
    // Keep scheme, user, host and database: only the password goes.
    const match = /^(.*?:\/\/[^:/\s@]*:)([^@/\s]+)@/s.exec(span);
    if (!match?.[1] || !match[2]) return [start, end];
    return [start + match[1].length, start + match[1].length + match[2].length];
  }

  if (messageId === 'PrivateKeyJSON') {
    const match = /"private_key"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(span);
    if (!match?.[1]) return [start, end];
    const valueStart = start + match.index + match[0].length - 1 - match[1].length;
    return [valueStart, valueStart + match[1].length];
  }

  // The rule's data carries the matched value; find it where the report starts.
  const values = Object.values(typeof data === 'object' && data !== null ? data : {})
    .filter((value): value is string => typeof value === 'string' && value.length >= 8)
    // `_authToken=(.*)` runs to the end of the line; the token ends at a space or a quote.
    .map((value) => (messageId === 'Npmrc_authToken' ? (/^[^\s"'`]+/.exec(value)?.[0] ?? value) : value))
    .sort((a, b) => b.length - a.length);
  for (const value of values) {
    const at = text.indexOf(value, start);
    if (at !== -1 && at <= end) return [at, at + value.length];
  }
  return [start, end];
};

const translate = (messageId: string, data?: unknown): RuleReport['message'] => ({ messageId, data });

/**
 * Runs every text scanner of secretlint's recommended preset over `text` and returns what they
 * found, narrowed to the secret values and named by kind. Never throws: a rule that fails on some
 * input is skipped for that input, and the other rules still run.
 */
export const findWithSecretlint = async (text: string): Promise<Finding[]> => {
  const reports: RuleReport[] = [];
  // Fresh contexts per call: rule handlers close over their context, so sharing them across
  // concurrent calls would mix up whose report is whose.
  const context: RuleContext = {
    sharedOptions: {},
    createTranslator: () => translate,
    report: (report) => reports.push(report),
    ignore: () => undefined,
  };
  const source: RuleSource = {
    content: text,
    hasBOM: text.charCodeAt(0) === 0xfeff,
    filePath: undefined,
    physicalFilePath: undefined,
    contentType: 'text',
    ext: '',
    getFilePath: () => undefined,
    getPhysicalFilePath: () => undefined,
  };
  const pending: Promise<unknown>[] = [];
  for (const rule of loadScanners()) {
    try {
      const result = rule.create(context, RULE_OPTIONS[rule.meta.id] ?? {}).file?.(source);
      if (result instanceof Promise) pending.push(result.catch(() => undefined));
    } catch {
      // A broken rule must not stop ingestion; the remaining rules still run.
    }
  }
  if (pending.length > 0) await Promise.all(pending);

  const findings: Finding[] = [];
  for (const report of reports) {
    const messageId = String(report.message?.messageId ?? '');
    if (SUPERSEDED_MESSAGE_IDS.has(messageId)) continue;
    const kind = messageId in KIND_BY_MESSAGE_ID ? KIND_BY_MESSAGE_ID[messageId] : toKebabCase(messageId);
    if (!kind) continue;
    const range = narrow(text, report);
    if (!range) continue;
    // A URL's password is found by the URL's shape, so a token with a format of its own that sits
    // in the password position (`https://x-access-token:ghs_…@github.com`) keeps its own name.
    const priority =
      messageId === 'PrivateKeyJSON'
        ? Priority.refined
        : CONNECTION_STRING_IDS.has(messageId)
          ? Priority.contextual
          : Priority.specific;
    findings.push({ start: range[0], end: range[1], kind, priority });
  }
  return findings;
};
