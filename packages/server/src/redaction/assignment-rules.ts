import { Priority, SEPARATOR } from './finding.js';
import { isPlaceholder, type GapRule } from './rule.js';

/*
 * Values assigned to secret-named variables (X4: `*_PASSWORD`, `*_SECRET`, `*_TOKEN`,
 * `*_API_KEY`, `-u user:pass`). A free-form password has no format, so the name it is assigned
 * to is the only sign; these rules are narrow on purpose, to keep ordinary code intact:
 *
 * - the name's LAST word must be a secret word (`DB_PASSWORD`, `stripeSecret`, `api_key`), so
 *   `PASSWORD_MIN_LENGTH=8`, `max_tokens: 4096`, `TOKEN_TTL=3600` and `tokenizer` stay;
 * - a value must be a literal: `password = getPassword()`, `token: string`,
 *   `API_KEY = os.environ["OPENAI_API_KEY"]`, `password=password` and `${DB_PASSWORD}` stay;
 * - lower-case names (code, JSON, YAML) skip values that read as words or types (`"password":
 *   "Password"`, `"token": "Enter a token"`, `password: string`), while UPPER_CASE names
 *   (environment variables) take any literal value, since `DB_PASSWORD=postgres` is a password.
 *
 * README.md lists every form with examples and what is left alone.
 */

/**
 * Single-word names whose value is a secret. `pass` counts only as a suffix (`SMTP_PASS`); `pwd`
 * alone is ADO.NET's password (`;Pwd=…;`) and the shell's working directory (`PWD=/home/dev`),
 * which the path check leaves alone.
 */
const SECRET_WORDS = new Set(['password', 'passwd', 'passphrase', 'secret', 'token', 'apikey']);
const SUFFIX_ONLY_WORDS = new Set(['pass']);
/** `<word>_key` names whose value is a secret (a bare `KEY` or `SORT_KEY` is not). */
const KEY_PREFIXES = new Set([
  'api',
  'access',
  'secret',
  'private',
  'app',
  'application',
  'signing',
  'encryption',
  'master',
  'auth',
  'account',
  'service',
  'license',
  'session',
]);
/** Names ending in a secret word that hold no secret: paging cursors, tokenizer vocabulary. */
const NOT_SECRET_NAMES =
  /(?:page|cursor|continuation|next|sync|resume|cancel(?:lation)?|bos|eos|pad|unk|sep|cls|mask|special|start|end|stop|csrf|type)[_.-]?token$/i;

/** Vendors whose keys have no format of their own: the name says whose key it is. */
const VENDOR_KINDS: readonly [RegExp, string][] = [
  [/datadog|^dd[_-]/i, 'datadog-key'],
  [/heroku/i, 'heroku-key'],
  [/mailgun/i, 'mailgun-key'],
  [/twilio/i, 'twilio-key'],
  [/jira|confluence|atlassian/i, 'atlassian-token'],
  [/telegram/i, 'telegram-token'],
];

/** `DB_PASSWORD` → ['db', 'password']; `stripeApiKey` → ['stripe', 'api', 'key']. */
const words = (name: string): string[] =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());

/** The kind a value assigned to `name` is, or undefined when the name holds no secret. */
export const secretNameKind = (name: string): string | undefined => {
  if (NOT_SECRET_NAMES.test(name)) return undefined;
  const parts = words(name);
  const last = parts.at(-1);
  if (last === undefined) return undefined;
  // A secret word may end a word too: `PGPASSWORD`, `accesstoken`, `clientsecret`.
  const word = SECRET_WORDS.has(last) ? last : [...SECRET_WORDS].find((secret) => last.endsWith(secret));
  let kind: string | undefined;
  if (word !== undefined || last === 'pwd' || (SUFFIX_ONLY_WORDS.has(last) && parts.length > 1)) {
    kind =
      word === 'secret' ? 'secret' : word === 'token' ? 'token' : word === 'apikey' ? 'api-key' : 'password';
  } else if (last === 'key' && parts.length > 1 && KEY_PREFIXES.has(parts.at(-2)!)) {
    kind = 'api-key';
  }
  if (kind === undefined) return undefined;
  for (const [vendor, vendorKind] of VENDOR_KINDS) if (vendor.test(name)) return vendorKind;
  return kind;
};

const isUpperName = (name: string): boolean => /^[A-Z][A-Z0-9_]*$/.test(name);

/** Booleans, nulls and type names: what `password: string` or `TOKEN=true` assign. */
const NOT_VALUES = new Set(
  'true false null none nil undefined yes no on off required optional string str int integer number boolean bool bytes any unknown object text password'.split(
    ' ',
  ),
);

/** Whether a literal assigned to `name` may be a secret (see the module comment). */
const isLiteralSecret = (value: string, name: string): boolean => {
  if (value.length < 4 || !/[A-Za-z0-9]/.test(value)) return false;
  if (isPlaceholder(value) || NOT_VALUES.has(value.toLowerCase())) return false;
  if (value.toLowerCase() === name.toLowerCase() || value.includes('://')) return false;
  // Placeholders in capitals (`YOUR_API_KEY`, `REPLACE_ME`) and file paths.
  if (
    /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value) ||
    /^(?:~?\/|\.\.?\/|[A-Za-z]:\\)[\w./\\-]*$/.test(value)
  ) {
    return false;
  }
  if (isUpperName(name)) return true;
  // Lower-case names: words, labels and type names are not secrets.
  if (/\s/.test(value)) return false;
  if (/^[A-Z]?[a-z]+(?:[A-Z][a-z]+)*$/.test(value) && /^[A-Z]/.test(value)) return false; // `Password`, `SecretStr`
  if (/^[A-Z]+$/.test(value)) return false; // `IDENT`, `EOF`
  return true;
};

/** A name: an identifier, possibly dotted or dashed (`spring.datasource.password`, `db-pass`). */
const NAME = '[A-Za-z_][A-Za-z0-9_.-]{0,80}';
/** A quote, possibly escaped (JSON inside JSON: `\\"password\\": \\"…\\"`). */
const QUOTE = '\\\\{0,7}["\'`]';
/**
 * The secret word that ends a name, matched first (case-insensitively) so the engine skips
 * ahead to it; {@link nameAt} then reads the rest of the name behind it.
 */
const WORD = '(pass(?:word|wd|phrase)?|pwd|secret|token|key)(?![A-Za-z0-9_])';

/** The whole name a match's secret word (group 1) ends, and where it starts: `DB_` + `PASSWORD`. */
const nameAt = (text: string, match: RegExpMatchArray): { name: string; start: number } => {
  let start = match.index ?? 0;
  const limit = Math.max(0, start - 80);
  while (start > limit && /[A-Za-z0-9_.-]/.test(text.charAt(start - 1))) start -= 1;
  return { name: text.slice(start, match.index) + (match[1] ?? ''), start };
};

const kindAt = (_value: string, match: RegExpMatchArray, text: string): string =>
  secretNameKind(nameAt(text, match).name) ?? 'secret';
const namedGroupKind = (nameGroup: number) => (_value: string, match: RegExpMatchArray) =>
  secretNameKind(match[nameGroup] ?? '') ?? 'secret';
const namedSecret = (nameGroup: number) => (value: string, match: RegExpMatchArray) => {
  const name = match[nameGroup] ?? '';
  return secretNameKind(name) !== undefined && isLiteralSecret(value, name);
};

/** What may follow a name's secret word, one alternative per form; each captures the value. */
const AFTER_WORD = [
  // 2: a quoted literal after `=`, `:`, `:=`, `=>` or a comparison, the name quoted or not.
  `(?:${QUOTE})?\\]?[ \\t]*(?::=|=>|[!=]==?|=|:)[ \\t]*(?:[@rbuf])?${QUOTE}([^"'\`\\\\\\n]{1,500})${QUOTE}`,
  // 3: `=value` unquoted; the value ends before a sentence's full stop.
  `=([^\\s"'\`;&|<>(){}\\[\\],\\\\]{0,499}[^\\s"'\`;&|<>(){}\\[\\],\\\\.])`,
  // 4: `: value` unquoted (a YAML line, or an HTTP header).
  `[ \\t]*:[ \\t]*([^\\s"'\`#][^\\s"'\`]{0,499})`,
].join('|');

/** `=value` (group 3): shell and .env lines, ADO.NET, URL queries; see {@link ASSIGNMENT_RULES}. */
const isEqualsSecret = (
  value: string,
  match: RegExpMatchArray,
  text: string,
  name: string,
  start: number,
) => {
  // Greedy value: a call, an index or a further argument follows only code.
  if (/[([{,)]/.test(text.charAt((match.index ?? 0) + match[0].length))) return false;
  if (text.charAt(start - 1) === '$') return false; // `$TOKEN=` is not an assignment
  if (!isUpperName(name)) {
    const lineBefore = text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
    if (!/^[ \t]*(?:export[ \t]+)?$|[;?&][ \t]*$/.test(lineBefore)) return false;
  }
  return isLiteralSecret(value, name);
};

/** `: value` (group 4): a YAML line holding only the pair, or an HTTP header with a dashed name. */
const isColonSecret = (value: string, match: RegExpMatchArray, text: string, name: string, start: number) => {
  const end = (match.index ?? 0) + match[0].length;
  const lineEnd = text.indexOf('\n', end);
  const rest = text.slice(end, lineEnd === -1 ? undefined : lineEnd);
  const lineBefore = text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
  if (/^[ \t]*(?:- )?$/.test(lineBefore) && /^[ \t]*(?:#.*)?$/.test(rest)) {
    if (/[,;({[]$/.test(value) || /[()[\]{}]/.test(value)) return false;
    if (/^[A-Za-z_$][\w$]*(?:\.[\w$]+)+$/.test(value)) return false; // `process.env.TOKEN`
    return isLiteralSecret(value, name);
  }
  // A header: `-H "X-API-Key: …"`, `Private-Token: …`, `DD-API-KEY: …`.
  return name.includes('-') && /^[A-Za-z0-9._~+/=-]{8,4096}$/.test(value) && isLiteralSecret(value, name);
};

/**
 * The rules, each described where it stands; README.md lists the forms with examples. The first
 * finds every form that starts with a name's secret word in one pass over the text.
 */
export const ASSIGNMENT_RULES: readonly GapRule[] = [
  {
    // `password = "…"`, `"password": "…"`, `DB_PASSWORD="…"`, `'pass' => '…'`, `token := "…"`,
    // `if (password === "…")`; `export DB_PASSWORD=…`, `PGPASSWORD=… psql`, `-e API_TOKEN=…`,
    // `;Password=…;` (ADO.NET), `?password=…`, `&access_token=…` (a lower-case name unquoted
    // only after `;`, `?`, `&` or at a line start, and not before `,` or `)`: `f(password=pw)`);
    // `DB_PASSWORD: hunter2` and `  password: hunter2 # prod` alone on a line (YAML); headers
    // named for a secret (`X-API-Key: …`, `X-Vault-Token: …`, `Private-Token: …`).
    kind: 'secret',
    pattern: new RegExp(`${WORD}(?:${AFTER_WORD})`, 'dgi'),
    group: [2, 3, 4],
    priority: Priority.contextual,
    accept: (value, match, text) => {
      const { name, start } = nameAt(text, match);
      if (secretNameKind(name) === undefined) return false;
      if (match[2] !== undefined) return isLiteralSecret(value, name);
      if (match[3] !== undefined) return isEqualsSecret(value, match, text, name, start);
      return isColonSecret(value, match, text, name, start);
    },
    kindOf: kindAt,
  },
  {
    // A JSON string value scanned after its key (redactJson's context: `"password": value`),
    // anchored on `": ` with the key read behind it; the value must run to the string's end.
    kind: 'secret',
    needs: ['": '],
    pattern: /": (?<="([A-Za-z_][A-Za-z0-9_.-]{0,80})": )([^\n]{1,500})/dg,
    group: 2,
    priority: Priority.contextual,
    accept: (value, match, text) => {
      const end = (match.index ?? 0) + match[0].length;
      return (end === text.length || text.startsWith(SEPARATOR, end)) && namedSecret(1)(value, match);
    },
    kindOf: namedGroupKind(1),
  },
  {
    // Kubernetes env entries: `- name: DB_PASSWORD` and `value: …` on the next line.
    kind: 'secret',
    needs: ['name:'],
    pattern: new RegExp(
      `name:(?<=(?<![A-Za-z0-9_])name:)[ \\t]*["']?(${NAME}?[A-Za-z0-9])["']?[ \\t]*\\r?\\n[ \\t]*value:[ \\t]*["']?([^\\s"'\`]{1,500})`,
      'dg',
    ),
    group: 2,
    priority: Priority.contextual,
    accept: namedSecret(1),
    kindOf: namedGroupKind(1),
  },
  {
    // Command-line flags: `--password=…`, `--api-key …`, `--client-secret=…`. With a space the
    // value needs a digit or a symbol, so prose such as "pass --token option" stays.
    kind: 'secret',
    needs: ['--'],
    pattern:
      /--(?<=(?<![A-Za-z0-9_-])--)((?:[a-z0-9]+-)*(?:password|passwd|pass|token|secret|api-key|apikey|access-key|secret-key|private-key))(=|[ \t]+)(["']?)([^\s"'`\\|<>$-][^\s"'`\\|<>]{0,499})\3/dg,
    group: 4,
    priority: Priority.contextual,
    accept: (value, match) =>
      isLiteralSecret(value, (match[1] ?? '').toUpperCase()) && (match[2] === '=' || /[^A-Za-z]/.test(value)),
    kindOf: namedGroupKind(1),
  },
  {
    // Basic credentials on a curl command line: `curl -u user:pass`, `--user 'user:pass'`.
    kind: 'password',
    needs: ['curl'],
    pattern:
      /curl(?<=(?<![A-Za-z0-9_])curl)\b[^\n]{0,500}?[ \t](?:-u|--user)(?:[ \t]+|=)?(["']?)[^\s:"'`]*:([^\s"'`\\]{1,500})\1/dg,
    group: 2,
    priority: Priority.contextual,
    accept: (value) => !isPlaceholder(value),
  },
  {
    // A password glued to mysql's `-p`: `mysql -u root -pS3cret` (`-p` alone prompts).
    kind: 'password',
    needs: ['mysql'],
    pattern:
      /mysql(?<=(?<![A-Za-z0-9_])mysql)(?:dump|admin|sh|import)?\b[^\n]{0,300}?[ \t]-p(["']?)([^\s"'`\\]{3,500})\1/dg,
    group: 2,
    priority: Priority.contextual,
    accept: (value) => !isPlaceholder(value),
  },
  {
    // A password after `-p`: `docker login -u ci -p …`, `sshpass -p … ssh host`.
    kind: 'password',
    needs: ['sshpass', 'docker'],
    pattern:
      /(?:docker[ \t]+login|sshpass)(?<=(?<![A-Za-z0-9_])(?:docker[ \t]+login|sshpass))\b[^\n]{0,300}?[ \t]-p[ \t]+(["']?)([^\s"'`\\-][^\s"'`\\]{2,499})\1/dg,
    group: 2,
    priority: Priority.contextual,
    accept: (value) => !isPlaceholder(value),
  },
  {
    // .netrc: `machine api.heroku.com login me@example.com password …`.
    kind: 'password',
    needs: ['machine'],
    pattern:
      /machine(?<=(?<![A-Za-z0-9_])machine)[ \t]+\S+[ \t\n]+login[ \t]+\S+[ \t\n]+password[ \t]+(\S{1,500})/dg,
    group: 1,
    priority: Priority.contextual,
    accept: (value) => !isPlaceholder(value),
    kindOf: (_value, match) => (/heroku/i.test(match[0]) ? 'heroku-key' : 'password'),
  },
];
