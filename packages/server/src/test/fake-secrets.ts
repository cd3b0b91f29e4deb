/*
 * FAKE secrets for the redaction corpus: each shape has the real prefix, length and alphabet of
 * its kind (learnt from the vendors' documented formats and from the true-positive samples in
 * gitleaks' rule generators and detect-secrets' tests), with random bodies from a seeded
 * generator. They are made at run time, so no token-shaped string is checked in, and each is
 * valid nowhere.
 */

/** mulberry32: a small seeded generator, so a failing sample can be reproduced. */
export const seededRandom = (seed: number) => {
  let state = seed;
  return (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const DIGITS = '0123456789';
export const ALNUM = UPPER + LOWER + DIGITS;
export const BASE64 = ALNUM + '+/';
export const BASE64URL = ALNUM + '-_';
export const HEX = DIGITS + 'abcdef';
export const BASE32 = UPPER + '234567';

/** Makes fake secrets by shape name from one seed. */
export const makeFakeSecrets = (seed: number) => {
  const random = seededRandom(seed);
  const pick = (alphabet: string, length: number): string =>
    Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  const b64url = (text: string): string => Buffer.from(text).toString('base64url');
  const pem = (label: string, magic: string, length: number): string =>
    `-----BEGIN ${label}-----\n${(magic + pick(BASE64, length - magic.length)).match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----`;
  /** A password of letters, digits and one symbol, as a person or a generator makes them. */
  const password = (): string => pick(ALNUM, 10) + pick('!*-_.~#%^', 1) + pick(ALNUM, 7);
  const uuid = (): string =>
    `${pick(HEX, 8)}-${pick(HEX, 4)}-4${pick(HEX, 3)}-a${pick(HEX, 3)}-${pick(HEX, 12)}`;

  const shapes: Record<string, () => string> = {
    'aws-access-key': () => pick('AA', 1) + pick('KS', 1) + 'IA' + pick(BASE32, 16),
    'aws-secret-key': () => pick(ALNUM + '+/', 40),
    'aws-session-token': () => 'IQoJb3JpZ2luX2VjE' + pick(BASE64, 380),
    'gcp-api-key': () => 'AIza' + pick(BASE64URL, 35),
    'gcp-private-key': () =>
      JSON.stringify(pem('PRIVATE KEY', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', 1620) + '\n').slice(1, -1),
    'azure-storage-key': () => pick(BASE64, 86) + '==',
    'azure-shared-access-key': () => pick(BASE64, 43) + '=',
    'azure-sas-signature': () => pick(ALNUM, 20) + '%2B' + pick(ALNUM, 20) + '%2F' + pick(ALNUM, 4) + '%3D',
    'azure-client-secret': () => pick(ALNUM, 3) + pick(DIGITS, 1) + 'Q~' + pick(ALNUM + '_~.-', 34),
    'digitalocean-pat': () => 'dop_v1_' + pick(HEX, 64),
    'digitalocean-oauth': () => 'doo_v1_' + pick(HEX, 64),
    'digitalocean-refresh': () => 'dor_v1_' + pick(HEX, 64),
    'heroku-key-v2': () => 'HRKU-AA' + pick(BASE64URL, 58),
    'heroku-key-legacy': uuid,
    'github-classic': () => 'ghp_' + pick(ALNUM, 36),
    'github-oauth': () => 'gho_' + pick(ALNUM, 36),
    'github-user-to-server': () => 'ghu_' + pick(ALNUM, 36),
    'github-app': () => 'ghs_' + pick(ALNUM, 36),
    'github-refresh': () => 'ghr_' + pick(ALNUM, 36),
    'github-fine-grained': () => 'github_pat_11' + pick(UPPER + DIGITS, 20) + '_' + pick(ALNUM, 59),
    'gitlab-pat': () => 'glpat-' + pick(BASE64URL, 20),
    'gitlab-pat-routable': () => 'glpat-' + pick(ALNUM, 27) + '.01.' + pick(DIGITS + LOWER, 7),
    'gitlab-pat-routable-short': () => 'glpat-' + pick(ALNUM, 27) + '.' + pick(DIGITS + LOWER, 9),
    'gitlab-runner': () => 'glrt-' + pick(BASE64URL, 20),
    'gitlab-runner-routable': () => 'glrt-t1_' + pick(ALNUM, 27) + '.' + pick(DIGITS + LOWER, 9),
    'gitlab-deploy': () => 'gldt-' + pick(ALNUM, 20),
    'gitlab-trigger': () => 'glptt-' + pick(HEX, 40),
    'gitlab-job': () => 'glcbt-' + pick(ALNUM, 5) + '_' + pick(ALNUM, 20),
    'gitlab-oauth-secret': () => 'gloas-' + pick(ALNUM, 64),
    'gitlab-agent': () => 'glagent-' + pick(ALNUM, 50),
    'gitlab-registration': () => 'GR1348941' + pick(ALNUM, 20),
    'atlassian-token': () => 'ATATT3xFfGF0' + pick(BASE64URL, 174) + '=' + pick(UPPER + DIGITS, 8),
    'atlassian-legacy': () => pick(LOWER + DIGITS, 20) + pick(HEX, 4),
    'slack-bot': () => `xoxb-${pick(DIGITS, 12)}-${pick(DIGITS, 13)}-${pick(ALNUM, 24)}`,
    'slack-bot-legacy': () => `xoxb-${pick(DIGITS, 12)}-${pick(ALNUM, 24)}`,
    'slack-user': () => `xoxp-${pick(DIGITS, 12)}-${pick(DIGITS, 12)}-${pick(DIGITS, 13)}-${pick(HEX, 32)}`,
    'slack-app': () => `xapp-1-A${pick(UPPER + DIGITS, 10)}-${pick(DIGITS, 13)}-${pick(HEX, 64)}`,
    'slack-config': () => `xoxe.xoxp-1-${pick(ALNUM, 164)}`,
    'slack-config-refresh': () => `xoxe-1-${pick(ALNUM, 146)}`,
    'slack-legacy-workspace': () =>
      `xoxa-2-${pick(DIGITS, 9)}-${pick(DIGITS, 11)}-${pick(DIGITS, 13)}-${pick(HEX, 18)}`,
    'slack-legacy': () => `xoxs-${pick(DIGITS, 10)}-${pick(DIGITS, 10)}-${pick(DIGITS, 10)}-${pick(HEX, 10)}`,
    'slack-webhook': () =>
      `https://hooks.slack.com/services/T${pick(UPPER + DIGITS, 8)}/B${pick(UPPER + DIGITS, 10)}/${pick(ALNUM, 24)}`,
    'slack-workflow-webhook': () =>
      `https://hooks.slack.com/workflows/T${pick(UPPER + DIGITS, 10)}/A${pick(UPPER + DIGITS, 10)}/${pick(DIGITS, 18)}/${pick(ALNUM, 24)}`,
    'slack-trigger-webhook': () =>
      `https://hooks.slack.com/triggers/T${pick(UPPER + DIGITS, 10)}/${pick(DIGITS, 13)}/${pick(HEX, 32)}`,
    'discord-token': () =>
      b64url('1' + pick(DIGITS, 17)) + '.' + pick(BASE64URL, 6) + '.' + pick(BASE64URL, 38),
    'discord-webhook-token': () => pick(BASE64URL, 68),
    'telegram-token': () => pick(DIGITS, 10) + ':AA' + pick(BASE64URL, 33),
    'stripe-live': () => 'sk_live_51' + pick(ALNUM, 97),
    'stripe-test': () => 'sk_test_' + pick(ALNUM, 24),
    'stripe-restricted': () => 'rk_live_' + pick(ALNUM, 99),
    'stripe-webhook-secret': () => 'whsec_' + pick(ALNUM, 32),
    'square-access': () => 'EAAA' + pick(BASE64URL, 60),
    'square-secret': () => 'sq0csp-' + pick(BASE64URL, 43),
    'braintree-token': () => `access_token$production$${pick(LOWER + DIGITS, 16)}$${pick(HEX, 32)}`,
    'openai-project': () => 'sk-proj-' + pick(BASE64URL, 74) + 'T3BlbkFJ' + pick(BASE64URL, 74),
    'openai-legacy': () => 'sk-' + pick(ALNUM, 20) + 'T3BlbkFJ' + pick(ALNUM, 20),
    'anthropic-api': () => 'sk-ant-api03-' + pick(BASE64URL, 93) + 'AA',
    'anthropic-admin': () => 'sk-ant-admin01-' + pick(BASE64URL, 93) + 'AA',
    'huggingface-token': () => 'hf_' + pick(UPPER + LOWER, 34),
    'groq-key': () => 'gsk_' + pick(ALNUM, 52),
    'perplexity-key': () => 'pplx-' + pick(ALNUM, 48),
    'xai-key': () => 'xai-' + pick(ALNUM, 80),
    'replicate-token': () => 'r8_' + pick(ALNUM, 37),
    jwt: () =>
      b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: pick(HEX, 16) })) +
      '.' +
      b64url(JSON.stringify({ sub: pick(DIGITS, 10), email: 'ada@example.com', iat: 1716239022 })) +
      '.' +
      pick(BASE64URL, 342),
    'jwt-hs256': () =>
      b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' })) +
      '.' +
      b64url(JSON.stringify({ sub: pick(DIGITS, 6), role: 'admin', exp: 1893456000 })) +
      '.' +
      pick(BASE64URL, 43),
    'rsa-private-key': () => pem('RSA PRIVATE KEY', 'MIIEowIBAAKCAQEA', 1620),
    'pkcs8-private-key': () => pem('PRIVATE KEY', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', 1620),
    'openssh-private-key': () =>
      pem('OPENSSH PRIVATE KEY', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ', 380),
    'ec-private-key': () => pem('EC PRIVATE KEY', 'MHcCAQEEI', 220),
    'encrypted-private-key': () => pem('ENCRYPTED PRIVATE KEY', 'MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG', 1700),
    'pgp-private-key': () => pem('PGP PRIVATE KEY BLOCK', 'lQOYBF', 1200),
    password,
    'short-password': () => pick(LOWER, 6) + pick(DIGITS, 2),
    'words-password': () => `${pick(LOWER, 5)}-${pick(LOWER, 6)}-${pick(LOWER, 4)}${pick(DIGITS, 2)}`,
    'hex-secret': () => pick(HEX, 32),
    'hex-secret-40': () => pick(HEX, 40),
    'base64-secret': () => pick(BASE64, 43) + '=',
    'alnum-secret': () => pick(ALNUM, 32),
    'npm-token': () => 'npm_' + pick(ALNUM, 36),
    uuid,
    'pypi-token': () => 'pypi-AgEIcHlwaS5vcmc' + pick(BASE64URL, 140),
    'sendgrid-key': () => 'SG.' + pick(BASE64URL, 22) + '.' + pick(BASE64URL, 43),
    'sendgrid-key-dashed': () =>
      'SG.' + pick(ALNUM, 5) + '-' + pick(ALNUM, 16) + '.' + pick(ALNUM, 20) + '-' + pick(ALNUM, 22),
    'twilio-key': () => 'SK' + pick(HEX, 32),
    'mailgun-key': () => `${pick(HEX, 32)}-${pick(HEX, 8)}-${pick(HEX, 8)}`,
    'mailgun-key-legacy': () => 'key-' + pick(HEX, 32),
    'doppler-personal': () => 'dp.pt.' + pick(ALNUM, 43),
    'doppler-service': () => 'dp.st.prd.' + pick(ALNUM, 40),
    'vault-service': () => 'hvs.' + pick(ALNUM + '_-', 24),
    'vault-service-long': () => 'hvs.CAESI' + pick(BASE64URL, 86),
    'vault-legacy': () => 's.' + pick(DIGITS, 2) + pick(UPPER, 3) + pick(ALNUM, 16) + pick(LOWER, 3),
    'shopify-token': () => 'shpat_' + pick(HEX, 32),
    'linear-key': () => 'lin_api_' + pick(ALNUM, 40),
    'notion-token': () => 'ntn_' + pick(DIGITS, 11) + pick(ALNUM, 35),
    'grafana-token': () => 'glsa_' + pick(ALNUM, 32) + '_' + pick(HEX, 8),
    'databricks-token': () => 'dapi' + pick(HEX, 32),
    'docker-token': () => 'dckr_pat_' + pick(BASE64URL, 27),
    'figma-token': () => 'figd_' + pick(BASE64URL, 40),
    'bearer-opaque': () => pick(ALNUM, 48),
    'basic-credentials': () => Buffer.from(`deploy:${password()}`).toString('base64'),
  };
  return { pick, shapes };
};
