import { ASSIGNMENT_RULES } from './assignment-rules.js';
import { Priority, type Finding } from './finding.js';
import { isPlaceholder, runRules, type GapRule } from './rule.js';
import { VENDOR_RULES } from './vendor-rules.js';

/*
 * Rules of our own, each for a kind of secret that secretlint's recommended preset (v12) does not
 * detect, or detects only in a shape that transcripts rarely have (see README.md, "What we added").
 * Each is anchored on a prefix, a fixed shape or a key name, and every pattern that can run long
 * starts with a look-behind for a token boundary, so that scanning stays linear in the input even
 * for adversarial text (a start inside a run of token characters is rejected at once).
 */

/** `eyJ…` decodes to a JSON object with an `alg` member: a JOSE header, so this is a JWT. */
const isJoseHeader = (segment: string): boolean => {
  try {
    const header: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return (
      typeof header === 'object' && header !== null && typeof (header as { alg?: unknown }).alg === 'string'
    );
  } catch {
    return false;
  }
};

/** A Discord token's first segment is the base64 of the bot's numeric snowflake id. */
const isSnowflakeSegment = (token: string): boolean => {
  const segment = token.slice(0, token.indexOf('.'));
  return /^\d{17,20}$/.test(Buffer.from(segment, 'base64url').toString('latin1'));
};

const GAP_RULES: readonly GapRule[] = [
  {
    // Google API keys (Maps, Gemini, Firebase…): the preset's GCP rule only knows key files.
    kind: 'gcp-api-key',
    needs: ['AIza'],
    pattern: /(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g,
    priority: Priority.specific,
  },
  {
    // The preset flags a service-account key only when the whole input is the key file with a
    // `.json` name; in a transcript it is usually embedded (`cat key.json` inside shell output).
    kind: 'gcp-service-account',
    needs: ['"private_key"'],
    pattern: /"private_key"\s*:\s*"(-----BEGIN[A-Z ]{0,40}PRIVATE KEY-----(?:[^"\\]|\\.){1,20000})"/dg,
    group: 1,
    priority: Priority.refined,
  },
  {
    // Any PEM private key block, including `ENCRYPTED PRIVATE KEY` and PGP blocks, which the
    // preset misses, and a block cut off before its END line (truncated tool output).
    kind: 'private-key',
    needs: ['PRIVATE KEY'],
    // Body: base64 lines or armor headers (`Proc-Type: 4,ENCRYPTED`), separated by newlines,
    // by `\n` escapes inside JSON strings, by `\\n` inside JSON inside JSON (any depth), or by
    // nothing (keys flattened onto one line); `\/` is JSON's optional escape of `/`.
    pattern:
      /-----BEGIN ((?:[A-Z0-9]+ ){0,3})PRIVATE KEY(?: BLOCK)?-----(?:(?:\s|\\+[nrt])*(?:(?:[A-Za-z0-9+=]|\\*\/){4,}|[A-Za-z-]{2,30}: [^\n\\]{0,200})){0,400}(?:(?:\s|\\+[nrt])*-----END \1PRIVATE KEY(?: BLOCK)?-----)?/g,
    priority: Priority.specific,
  },
  {
    kind: 'azure-storage-key',
    pattern: /\bAccountKey\s*=\s*([A-Za-z0-9+/]{86}==)/dgi,
    group: 1,
    priority: Priority.specific,
  },
  {
    // Service Bus, Event Hubs and IoT Hub connection strings.
    kind: 'azure-shared-access-key',
    pattern: /\bSharedAccessKey\s*=\s*([A-Za-z0-9+/]{42,44}={0,2})/dgi,
    group: 1,
    priority: Priority.specific,
  },
  {
    // The signature of a shared access signature URL; without it the URL grants nothing.
    kind: 'azure-sas-token',
    needs: ['sig='],
    pattern: /[?&]sig=((?:[A-Za-z0-9+/]|%2[BbFf]){30,200}(?:=|%3[Dd]){0,2})(?![A-Za-z0-9%+/=])/dg,
    group: 1,
    priority: Priority.contextual,
  },
  {
    // Entra ID (Azure AD) application client secrets: three characters, a digit, `Q~`.
    kind: 'azure-client-secret',
    needs: ['Q~'],
    pattern: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g,
    priority: Priority.specific,
  },
  {
    // Secret and restricted keys, live and test; publishable `pk_` keys are public by design.
    kind: 'stripe-key',
    needs: ['sk_', 'rk_'],
    pattern: /(?<![A-Za-z0-9_])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{20,247}(?![A-Za-z0-9])/g,
    priority: Priority.specific,
  },
  {
    kind: 'stripe-webhook-secret',
    needs: ['whsec_'],
    pattern: /(?<![A-Za-z0-9_])whsec_[A-Za-z0-9+/]{32,64}(?![A-Za-z0-9+/])/g,
    priority: Priority.specific,
  },
  {
    kind: 'discord-token',
    pattern:
      /(?<![A-Za-z0-9_-])[MNO][A-Za-z0-9_-]{22,26}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}(?![A-Za-z0-9_.-])/g,
    priority: Priority.specific,
    accept: isSnowflakeSegment,
  },
  {
    // Only the token part: the webhook id is not secret and says which channel was meant.
    kind: 'discord-webhook',
    needs: ['discord'],
    pattern:
      /https:\/\/(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/api\/(?:v\d{1,2}\/)?webhooks\/\d{17,20}\/([A-Za-z0-9_-]{60,80})/dg,
    group: 1,
    priority: Priority.specific,
  },
  {
    // The preset matches `sk-ant-api0N-…AA` only; admin and OAuth tokens share the `sk-ant-` prefix.
    kind: 'anthropic-key',
    needs: ['sk-ant-'],
    pattern: /(?<![A-Za-z0-9_-])sk-ant-[a-z]{3,6}\d{2}-[A-Za-z0-9_-]{80,120}(?![A-Za-z0-9_-])/g,
    priority: Priority.specific,
  },
  {
    kind: 'jwt',
    needs: ['eyJ'],
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
    priority: Priority.specific,
    accept: (token) => isJoseHeader(token.slice(0, token.indexOf('.'))),
  },
  {
    // Temporary credentials: the session token travels with the access key and secret.
    kind: 'aws-session-token',
    pattern: /(?:aws_?session_?token|SessionToken)["']?\s*[:=]\s*["']?([A-Za-z0-9/+=]{100,2000})/dgi,
    group: 1,
    priority: Priority.contextual,
  },
  {
    // Passwords in URLs of any scheme (redis, amqp, smtp, mssql…); the preset covers PostgreSQL,
    // MongoDB, MySQL, and http(s)/ftp with a restricted password alphabet.
    kind: 'connection-string-password',
    needs: ['://'],
    pattern:
      /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,30}:\/\/[^\s:@/?#"'<>]{0,100}:([^\s@/?#"'<>]{1,200})@(?=[A-Za-z0-9[])/dg,
    group: 1,
    priority: Priority.contextual,
    accept: (password) => !isPlaceholder(password),
  },
  {
    // .npmrc credentials. The preset checks `_authToken` only in a file named .npmrc, and a
    // transcript has no file names; `_auth` (base64 user:password) and `_password` it never checks.
    kind: 'npm-token',
    needs: ['_auth', '_password'],
    pattern: /(?:^|[\s:"'])_(?:authToken|auth|password)\s*=\s*([^\s"'`$][^\s"'`]*)/dgm,
    group: 1,
    priority: Priority.contextual,
  },
  {
    // Opaque tokens have no format to recognise, but an Authorization header says what they are.
    kind: 'bearer-token',
    pattern: /\bAuthorization["']?\s*[:=]\s*["'`]?(?:Bearer|Token)\s+([A-Za-z0-9._~+/-]{16,4096}=*)/dgi,
    group: 1,
    priority: Priority.contextual,
  },
  {
    kind: 'basic-auth',
    pattern: /\bAuthorization["']?\s*[:=]\s*["'`]?Basic\s+([A-Za-z0-9+/]{8,4096}=*)/dgi,
    group: 1,
    priority: Priority.contextual,
  },
];

/** Every rule of our own: the gap rules above, vendor formats, secret-named variables. */
const ALL_RULES: readonly GapRule[] = [...GAP_RULES, ...VENDOR_RULES, ...ASSIGNMENT_RULES];

/** The kinds the gap rules can report, for the README and the tests. */
export const gapRuleKinds = (): readonly string[] => [...new Set(ALL_RULES.map((rule) => rule.kind))];

/**
 * Runs every rule of our own over `text`. Never throws: a rule that fails on some input is
 * skipped for that input.
 */
export const findWithGapRules = (text: string): Finding[] => {
  const findings: Finding[] = [];
  runRules(ALL_RULES, text, findings);
  return findings;
};
