import { Priority } from './finding.js';
import { hasVariety, type GapRule } from './rule.js';

/*
 * Vendor token formats that secretlint's recommended preset (v12) lacks, or matches only in part
 * (see README.md, "What we added"). Shapes were learnt from the formats the vendors document and
 * from gitleaks' rule generators (cmd/generate/config/rules/*.go, their true and false positive
 * samples); every pattern here is our own.
 */

/** The end of a token: no token character just after. */
const E = '(?![A-Za-z0-9_-])';

/**
 * A token that starts with one of `prefixes` (a pattern source) at a token boundary. The prefix
 * comes first and the boundary is checked behind it, so the engine can skip ahead to the prefix
 * instead of testing a look-behind at every position: scans stay fast on long text.
 */
const prefixed = (prefixes: string, rest: string, flags = 'g'): RegExp =>
  new RegExp(`(?:${prefixes})(?<=(?<![A-Za-z0-9_-])(?:${prefixes}))${rest}`, flags);

/**
 * A legacy Slack token (`xoxa-`, `xoxr-`) whose body has no fixed layout: it needs a digit or
 * both letter cases, so `xoxa-nyc` or `xoxo-gossip` in prose stays.
 */
const isTokenLike = (token: string): boolean => {
  const body = token.slice(5);
  return /\d/.test(body) || (/[a-z]/.test(body) && /[A-Z]/.test(body));
};

/** Legacy Vault tokens `s.` + 24: mixed case, a digit and variety, unlike `s.makeKubeConfigController`. */
const isVaultLegacyToken = (token: string): boolean => {
  const body = token.slice(2);
  return /\d/.test(body) && /[a-z]/.test(body) && /[A-Z]/.test(body) && hasVariety(body, 14);
};

export const VENDOR_RULES: readonly GapRule[] = [
  {
    // Every Slack token layout in full. The preset's pattern stops segments at 40 characters, so
    // an `xapp-` token kept its 64-character secret, and it took `xoxo-…`/`xoxa-…` words in prose
    // for tokens; its SLACK_TOKEN reports are dropped in favour of this rule.
    kind: 'slack-token',
    needs: ['xox', 'xapp'],
    pattern: prefixed(
      'xox|xapp',
      '(?:(?<=xox)e\\.xox[bp]-\\d-[A-Za-z0-9]{150,200}' + // configuration access token
        '|(?<=xox)e-\\d-[A-Za-z0-9]{120,200}' + // configuration refresh token
        '|(?<=xapp)-\\d-[A-Z0-9]{6,16}-\\d{6,16}-[A-Za-z0-9]{32,128}' + // app-level token
        '|(?<=xox)[bpe]-\\d{6,16}(?:-\\d{6,16}){0,2}-[A-Za-z0-9]{16,64}' + // bot, user, legacy bot
        '|(?<=xox)[aors]-(?:\\d+-){1,4}[A-Za-z0-9]{6,64}' + // legacy workspace, refresh, legacy
        '|(?<=xox)[ar]-(?:\\d-)?[A-Za-z0-9]{8,48})' +
        E,
    ),
    priority: Priority.specific,
    accept: isTokenLike,
  },
  {
    // Incoming webhooks are in the preset; workflow and trigger webhooks are not.
    kind: 'slack-webhook',
    needs: ['hooks.slack.com'],
    pattern: /(?:https?:\/\/)?hooks\.slack\.com\/(?:workflows|triggers|services)\/[A-Za-z0-9+/_-]{20,200}/g,
    priority: Priority.specific,
  },
  {
    // The preset's SendGrid pattern has no `-` in the first segment; keys use base64url.
    kind: 'sendgrid-key',
    needs: ['SG.'],
    pattern: prefixed('SG\\.', `[A-Za-z0-9_-]{16,32}\\.[A-Za-z0-9_-]{30,64}${E}`),
    priority: Priority.specific,
  },
  {
    // Routable GitLab tokens end in `.` + version + checksum, which the preset's `glpat-` rule
    // left behind; runner registration tokens start `GR1348941`.
    kind: 'gitlab-token',
    needs: [
      'glpat-',
      'gldt-',
      'glrt-',
      'glptt-',
      'glcbt-',
      'glimt-',
      'gloas-',
      'glsoat-',
      'glffct-',
      'glft-',
      'glagent-',
      'GR1348941',
    ],
    pattern: prefixed(
      'gl(?:pat|dt|rt|ptt|cbt|imt|oas|soat|ffct|ft|agent)-|GR1348941',
      '[A-Za-z0-9_-]{20,300}(?:\\.[0-9a-z]{2}\\.?[0-9a-z]{7,9})?(?![A-Za-z0-9_.-])',
    ),
    priority: Priority.specific,
  },
  {
    kind: 'gitlab-token',
    needs: ['_gitlab_session='],
    pattern: /_gitlab_session=([0-9a-z]{32})(?![0-9a-z])/dg,
    group: 1,
    priority: Priority.specific,
  },
  {
    // Upload tokens are macaroons whose first bytes encode the issuer: pypi.org or test.pypi.org.
    kind: 'pypi-token',
    needs: ['pypi-'],
    pattern: prefixed('pypi-', `(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,1000}${E}`),
    priority: Priority.specific,
  },
  {
    // Personal access, OAuth and refresh tokens.
    kind: 'digitalocean-token',
    needs: ['_v1_'],
    pattern: prefixed('do[opr]_v1_', `[a-f0-9]{64}${E}`),
    priority: Priority.specific,
  },
  {
    // Personal, service, service-account, CLI, SCIM and audit tokens.
    kind: 'doppler-token',
    needs: ['dp.'],
    pattern: prefixed(
      'dp\\.',
      `(?:pt|st|sa|ct|scim|audit)\\.(?:[A-Za-z0-9_-]{1,40}\\.)?[A-Za-z0-9]{40,44}${E}`,
    ),
    priority: Priority.specific,
  },
  {
    // Atlassian (Jira, Confluence, Bitbucket) API tokens since 2023.
    kind: 'atlassian-token',
    needs: ['ATATT3'],
    pattern: prefixed('ATATT3', `[A-Za-z0-9_=-]{150,250}${E}`),
    priority: Priority.specific,
  },
  {
    // Older Atlassian tokens are 24 characters with no prefix: only after the product's name on
    // the same line.
    kind: 'atlassian-token',
    needs: ['ira', 'IRA', 'onfluence', 'ONFLUENCE', 'tlassian', 'TLASSIAN'],
    pattern:
      /(?:[Jj]ira|JIRA|[Cc]onfluence|CONFLUENCE|[Aa]tlassian|ATLASSIAN)[^\n]{0,60}?(?<![A-Za-z0-9])([A-Za-z0-9]{24})(?![A-Za-z0-9])/dg,
    group: 1,
    priority: Priority.contextual,
    accept: (value) => /\d/.test(value) && /[a-zA-Z]/.test(value),
  },
  {
    kind: 'heroku-key',
    needs: ['HRKU-AA'],
    pattern: prefixed('HRKU-AA', `[A-Za-z0-9_-]{58}${E}`),
    priority: Priority.specific,
  },
  {
    // Older Heroku API keys are UUIDs: secret only after the name Heroku on the same line.
    kind: 'heroku-key',
    needs: ['eroku', 'EROKU'],
    pattern:
      /(?:[Hh]eroku|HEROKU)[^\n]{0,80}?(?<![A-Za-z0-9-])([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?![A-Za-z0-9-])/dg,
    group: 1,
    priority: Priority.contextual,
  },
  {
    // A bot's numeric id, a colon, and 35 characters starting with `A` (also inside a bot URL).
    // Anchored on the colon: the id is found behind it.
    kind: 'telegram-token',
    needs: [':A'],
    pattern: /:A(?<=(?:^|[^A-Za-z0-9_:-]|bot)(\d{5,16}):A)[A-Za-z0-9_-]{34}(?![A-Za-z0-9_-])/dg,
    from: 1,
    priority: Priority.specific,
  },
  {
    // API key sids; the account sid (`AC…`) names an account and grants nothing.
    kind: 'twilio-key',
    needs: ['SK'],
    pattern: /SK(?<=(?<![A-Za-z0-9_])SK)[0-9a-fA-F]{32}(?![A-Za-z0-9_])/g,
    priority: Priority.specific,
  },
  {
    // Mailgun's current key layout, `<32 hex>-<8 hex>-<8 hex>`, is distinctive enough alone.
    // Anchored on the first dash, with the 32 hex digits read behind it.
    kind: 'mailgun-key',
    pattern: /-(?<=(?<![A-Za-z0-9_-])([0-9a-f]{32})-)[0-9a-f]{8}-[0-9a-f]{8}(?![A-Za-z0-9_-])/dg,
    from: 1,
    priority: Priority.specific,
  },
  {
    // Mailgun keys, current (`<32 hex>-<8 hex>-<8 hex>`) and older (`key-<32 hex>`), have no
    // prefix of their own: after the name Mailgun on the same line, or as the `api` user's password.
    kind: 'mailgun-key',
    needs: ['ailgun', 'AILGUN', 'api:key-', 'api:pubkey-'],
    pattern:
      /(?:(?:[Mm]ailgun|MAILGUN)[^\n]{0,160}?|api:)(?<![A-Za-z0-9_-])((?:[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}|(?:pub)?key-[0-9a-f]{32}))(?![A-Za-z0-9_-])/dg,
    group: 1,
    priority: Priority.specific,
  },
  {
    // Square access tokens and application secrets.
    kind: 'square-token',
    needs: ['sq0atp-', 'sq0csp-', 'EAAA'],
    pattern: prefixed(
      'sq0atp-|sq0csp-|EAAA',
      `(?:(?<=sq0atp-)[A-Za-z0-9_-]{22}|(?<=sq0csp-)[A-Za-z0-9_-]{43}|(?<=EAAA)[A-Za-z0-9_-]{60})${E}`,
    ),
    priority: Priority.specific,
  },
  {
    // Braintree (PayPal) access tokens.
    kind: 'braintree-token',
    needs: ['access_token$'],
    pattern: /access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32}(?![0-9a-f])/g,
    priority: Priority.specific,
  },
  {
    // AI providers with prefixed keys the preset lacks: Perplexity, xAI, Replicate.
    kind: 'ai-provider-key',
    needs: ['pplx-', 'xai-', 'r8_'],
    pattern: prefixed(
      'pplx-|xai-|r8_',
      `(?:(?<=pplx-)[A-Za-z0-9]{48}|(?<=xai-)[A-Za-z0-9]{80}|(?<=r8_)[A-Za-z0-9]{37})${E}`,
    ),
    priority: Priority.specific,
  },
  {
    // Service (`hvs.`), batch (`hvb.`) and recovery (`hvr.`) tokens of any length: the preset
    // knows only the long forms (90+ and 138+ characters).
    kind: 'vault-token',
    needs: ['hvs.', 'hvb.', 'hvr.'],
    pattern: prefixed('hv[sbr]\\.', `[A-Za-z0-9_-]{24,300}${E}`),
    priority: Priority.specific,
  },
  {
    // Vault tokens before 1.10: `s.` + 24 characters.
    kind: 'vault-token',
    needs: ['s.'],
    pattern: /(?<![A-Za-z0-9_.$-])s\.[A-Za-z0-9]{24}(?![A-Za-z0-9_.(-])/g,
    priority: Priority.specific,
    accept: isVaultLegacyToken,
  },
];
