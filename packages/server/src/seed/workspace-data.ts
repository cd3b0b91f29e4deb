import type { Visibility } from '@session-lens/sdk';

/** Groups of the demo workspace. */
export const DEMO_GROUPS = [
  { id: 'g_platform', name: 'Platform' },
  { id: 'g_security', name: 'Security' },
  { id: 'g_growth', name: 'Growth' },
  { id: 'g_data', name: 'Data' },
  { id: 'g_design', name: 'Design' },
  { id: 'g_sre', name: 'SRE' },
] as const;

/** Members: [id, name, groups]. `m_ana` and `m_ben` are the demo tokens' people. */
export const DEMO_MEMBERS: readonly (readonly [string, string, readonly string[]])[] = [
  ['m_ana', 'Ana Ruiz', ['g_platform', 'g_sre']],
  ['m_ben', 'Ben Okafor', ['g_growth']],
  ['m_sarah', 'Sarah Chen', ['g_platform']],
  ['m_dev', 'Dev Patel', ['g_security', 'g_sre']],
  ['m_lina', 'Lina Haddad', ['g_data']],
  ['m_tomas', 'Tomás Novak', ['g_platform']],
  ['m_yuki', 'Yuki Tanaka', ['g_design']],
  ['m_omar', 'Omar Farouk', ['g_security']],
  ['m_grace', 'Grace Kim', ['g_growth', 'g_data']],
  ['m_leo', 'Leo Rossi', ['g_sre']],
  ['m_priya', 'Priya Nair', ['g_platform', 'g_data']],
  ['m_jonas', 'Jonas Berg', ['g_security']],
  ['m_amara', 'Amara Diallo', ['g_growth']],
  ['m_felix', 'Felix Wagner', ['g_platform']],
  ['m_sofia', 'Sofía Morales', ['g_design', 'g_growth']],
  ['m_noah', 'Noah Levi', ['g_sre']],
  ['m_mei', 'Mei Lin', ['g_data']],
  ['m_kwame', 'Kwame Mensah', ['g_platform']],
  ['m_elena', 'Elena Petrova', ['g_security', 'g_platform']],
  ['m_raj', 'Raj Malhotra', ['g_growth']],
  ['m_ines', 'Inês Costa', ['g_design']],
  ['m_hugo', 'Hugo Martin', ['g_sre', 'g_security']],
  ['m_zara', 'Zara Ahmed', ['g_data', 'g_growth']],
  ['m_oscar', 'Oscar Lindqvist', ['g_platform']],
];

/**
 * The members a demo host lets you switch between, by role: the demo host app (packages/demo)
 * signs in as them. Each is among the seed's most frequent owners, so each has work in flight
 * and something that needs them (a paused flow, a waiting task, a review).
 */
export const DEMO_PERSONAS = { admin: 'm_ana', member: 'm_ben', reviewer: 'm_dev' } as const;

/** Initiatives and their plans. */
export const DEMO_INITIATIVES = [
  {
    id: 'init_checkout',
    title: 'Checkout v2',
    plans: ['plan_checkout_api', 'plan_checkout_ui', 'plan_checkout_fraud'],
  },
  { id: 'init_onboarding', title: 'Self-serve onboarding', plans: ['plan_onb_signup', 'plan_onb_tour'] },
  { id: 'init_search', title: 'Search relevance', plans: ['plan_search_ranking', 'plan_search_index'] },
  { id: 'init_soc2', title: 'SOC 2 readiness', plans: ['plan_soc2_access', 'plan_soc2_logging'] },
  { id: 'init_mobile', title: 'Mobile offline mode', plans: ['plan_mobile_sync', 'plan_mobile_cache'] },
  { id: 'init_cost', title: 'Cloud cost reduction', plans: ['plan_cost_rightsizing', 'plan_cost_storage'] },
] as const;

/** Plan titles by id. */
export const PLAN_TITLES: Record<string, string> = {
  plan_checkout_api: 'Payments API migration',
  plan_checkout_ui: 'One-page checkout UI',
  plan_checkout_fraud: 'Fraud checks at checkout',
  plan_onb_signup: 'Signup without a sales call',
  plan_onb_tour: 'Guided product tour',
  plan_search_ranking: 'Learning-to-rank model',
  plan_search_index: 'Incremental indexing',
  plan_soc2_access: 'Access reviews',
  plan_soc2_logging: 'Audit logging',
  plan_mobile_sync: 'Conflict-free sync',
  plan_mobile_cache: 'Offline cache',
  plan_cost_rightsizing: 'Rightsize compute',
  plan_cost_storage: 'Storage lifecycle rules',
};

const securityOnly: Visibility = { type: 'list', members: [], groups: ['g_security'] };
const securityAndSre: Visibility = { type: 'list', members: [], groups: ['g_security', 'g_sre'] };

/** Playbooks; a few are restricted, and sessions started from them inherit that (X3). */
export const DEMO_PLAYBOOKS: readonly { name: string; visibility: Visibility | null }[] = [
  { name: 'cis-benchmark', visibility: null },
  { name: 'ssh-hardening', visibility: null },
  { name: 'patch-audit', visibility: null },
  { name: 'tls-review', visibility: null },
  { name: 'disk-forensics', visibility: securityOnly },
  { name: 'k8s-rbac-review', visibility: securityAndSre },
  { name: 'docker-hygiene', visibility: null },
  { name: 'log-retention-check', visibility: null },
];

const HOST_PREFIXES = ['web', 'api', 'db', 'cache', 'worker', 'bastion', 'ci-runner', 'k8s-node'];

/** Agents (hosts): bastions are visible to Security and SRE only. */
export function demoAgents(): { id: string; hostname: string; visibility: Visibility | null }[] {
  const agents: { id: string; hostname: string; visibility: Visibility | null }[] = [];
  for (const prefix of HOST_PREFIXES) {
    for (let n = 1; n <= 4; n += 1) {
      const env = n % 2 === 0 ? 'staging' : 'prod';
      agents.push({
        id: `ag_${prefix.replace(/-/g, '')}${n}`,
        hostname: `${prefix}-${String(n).padStart(2, '0')}.${env}.acme.internal`,
        visibility: prefix === 'bastion' ? securityAndSre : null,
      });
    }
  }
  return agents;
}

/** Titles of flow runs, tasks and chats. */
export const FLOW_TITLES = [
  'Full SDLC',
  'Implement plan',
  'Fix failing checks',
  'Upgrade dependencies',
  'Write migration',
  'Refactor module',
  'Add feature flag',
  'Generate API client',
  'Triage flaky test',
  'Backfill data',
];
export const FLOW_STEPS = [
  ['Plan', 'Implement', 'Verify'],
  ['Plan', 'Implement', 'Test', 'Review', 'Merge'],
  ['Reproduce', 'Fix', 'Verify'],
  ['Analyse', 'Upgrade', 'Test', 'Open PR'],
];
export const TASK_TITLES = [
  'Nightly dependency audit',
  'Summarize incident timeline',
  'Rewrite flaky e2e suite',
  'Port service to new SDK',
  'Generate release notes',
  'Reindex search corpus',
  'Clean up stale feature flags',
  'Draft RFC from discussion',
];
export const CHAT_TITLES = [
  'Draft three plans',
  'Why is p99 latency up?',
  'Explain the billing schema',
  'Review my migration',
  'How do retries work here?',
  'Compare queue options',
  'Help with a regex',
  'Outline the onboarding tour',
  'What changed in checkout last week?',
  'Summarize the SOC 2 gaps',
];
export const MODELS = ['claude-sonnet-4', 'gpt-4.1', 'claude-haiku-4', 'o4-mini', 'local-llama-70b'];
export const TOOLS = ['read_file', 'search_code', 'run_tests', 'git_diff', 'http_get', 'sql_query'];
export const FILES = [
  'src/checkout/api.ts',
  'src/search/rank.py',
  'migrations/0042_orders.sql',
  'README.md',
  'src/app/routes.tsx',
  'infra/main.tf',
];
export const COMMANDS: readonly [string, string][] = [
  ['uname -a', 'system.info'],
  ['sshd -T | grep -i permitrootlogin', 'ssh.config'],
  ['apt list --upgradable', 'packages.list'],
  ['openssl s_client -connect localhost:443 </dev/null', 'tls.inspect'],
  ['ss -tlnp', 'network.listeners'],
  ['kubectl auth can-i --list', 'k8s.rbac'],
  ['docker ps --format {{.Image}}', 'docker.inspect'],
  ['find /var/log -mtime +90 | wc -l', 'fs.search'],
];
export const INSIGHTS: readonly [string, 'info' | 'low' | 'medium' | 'high' | 'critical'][] = [
  ['Root login over SSH is permitted', 'high'],
  ['42 packages have pending security updates', 'medium'],
  ['TLS 1.0 still enabled on port 443', 'high'],
  ['Docker daemon socket is world-readable', 'critical'],
  ['Logs older than 90 days are not rotated', 'low'],
  ['Service account can list secrets cluster-wide', 'high'],
  ['NTP drift above 500 ms', 'info'],
];
