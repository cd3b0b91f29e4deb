/**
 * The host product's own records: the initiatives and plans of the demo workspace (the same ids
 * the reference server's demo seed links its sessions to). In a real product these live in the
 * host's database; Session Lens only knows them as `initiative:<id>` and `plan:<id>` scopes.
 */
export type HostPlan = {
  id: string;
  title: string;
  summary: string;
  status: 'In progress' | 'Planned' | 'Done';
};

export type HostInitiative = {
  id: string;
  title: string;
  summary: string;
  owner: string;
  target: string;
  status: 'In progress' | 'Planned' | 'At risk';
  plans: HostPlan[];
};

export const INITIATIVES: readonly HostInitiative[] = [
  {
    id: 'init_checkout',
    title: 'Checkout v2',
    summary:
      'Replace the three-step checkout with a one-page flow on the new payments API, with fraud checks before capture.',
    owner: 'Ana Ruiz',
    target: 'End of quarter',
    status: 'In progress',
    plans: [
      {
        id: 'plan_checkout_api',
        title: 'Payments API migration',
        summary: 'Move capture and refunds to the v2 payments API behind a flag.',
        status: 'In progress',
      },
      {
        id: 'plan_checkout_ui',
        title: 'One-page checkout UI',
        summary: 'One page for address, delivery and payment, with inline validation.',
        status: 'In progress',
      },
      {
        id: 'plan_checkout_fraud',
        title: 'Fraud checks at checkout',
        summary: 'Score every order before capture; hold the risky ones for review.',
        status: 'Planned',
      },
    ],
  },
  {
    id: 'init_onboarding',
    title: 'Self-serve onboarding',
    summary: 'Let a new team sign up, invite colleagues and finish setup without talking to sales.',
    owner: 'Ben Okafor',
    target: 'Next quarter',
    status: 'In progress',
    plans: [
      {
        id: 'plan_onb_signup',
        title: 'Signup without a sales call',
        summary: 'Card-based signup with a trial.',
        status: 'In progress',
      },
      {
        id: 'plan_onb_tour',
        title: 'Guided product tour',
        summary: 'A first-run tour that ends in a working project.',
        status: 'Planned',
      },
    ],
  },
  {
    id: 'init_search',
    title: 'Search relevance',
    summary: 'Better ranking and fresher results for catalogue search.',
    owner: 'Lina Haddad',
    target: 'End of quarter',
    status: 'At risk',
    plans: [
      {
        id: 'plan_search_ranking',
        title: 'Learning-to-rank model',
        summary: 'Train and ship a ranking model.',
        status: 'In progress',
      },
      {
        id: 'plan_search_index',
        title: 'Incremental indexing',
        summary: 'Index changes within a minute.',
        status: 'In progress',
      },
    ],
  },
  {
    id: 'init_soc2',
    title: 'SOC 2 readiness',
    summary: 'Close the gaps the readiness assessment found before the audit window.',
    owner: 'Dev Patel',
    target: 'Audit window',
    status: 'In progress',
    plans: [
      {
        id: 'plan_soc2_access',
        title: 'Access reviews',
        summary: 'Quarterly access reviews.',
        status: 'Done',
      },
      {
        id: 'plan_soc2_logging',
        title: 'Audit logging',
        summary: 'Tamper-evident audit logs for every admin action.',
        status: 'In progress',
      },
    ],
  },
  {
    id: 'init_mobile',
    title: 'Mobile offline mode',
    summary: 'Let the mobile app work without a connection and sync when it comes back.',
    owner: 'Tomás Novak',
    target: 'Next quarter',
    status: 'Planned',
    plans: [
      {
        id: 'plan_mobile_sync',
        title: 'Conflict-free sync',
        summary: 'CRDT-based sync of carts and lists.',
        status: 'Planned',
      },
      { id: 'plan_mobile_cache', title: 'Offline cache', summary: 'Cache the catalogue.', status: 'Planned' },
    ],
  },
  {
    id: 'init_cost',
    title: 'Cloud cost reduction',
    summary: 'Cut the monthly cloud bill by a fifth without touching latency.',
    owner: 'Priya Nair',
    target: 'End of year',
    status: 'In progress',
    plans: [
      {
        id: 'plan_cost_rightsizing',
        title: 'Rightsize compute',
        summary: 'Rightsize the worker fleet.',
        status: 'In progress',
      },
      {
        id: 'plan_cost_storage',
        title: 'Storage lifecycle rules',
        summary: 'Move cold objects to cheaper tiers.',
        status: 'Done',
      },
    ],
  },
];

/** The initiative the demo opens on. */
export const DEFAULT_INITIATIVE = 'init_checkout';

/** The initiative with this id, if the host has it. */
export function findInitiative(id: string): HostInitiative | undefined {
  return INITIATIVES.find((initiative) => initiative.id === id);
}

/** The plan with this id and its initiative, if the host has it. */
export function findPlan(id: string): { plan: HostPlan; initiative: HostInitiative } | undefined {
  for (const initiative of INITIATIVES) {
    const plan = initiative.plans.find((candidate) => candidate.id === id);
    if (plan) return { plan, initiative };
  }
  return undefined;
}

/** Whether the host owns the record a scope names (`initiative:<id>` or `plan:<id>`). */
export function hostHasRecord(scope: string): boolean {
  const match = /^(initiative|plan):(.+)$/.exec(scope);
  if (!match) return false;
  return match[1] === 'initiative'
    ? findInitiative(match[2] as string) !== undefined
    : findPlan(match[2] as string) !== undefined;
}

/** The demo users of the user switcher (the host's server maps each to real tokens). */
export type DemoUserId = 'admin' | 'member' | 'reviewer';

/** What the browser learns about the current user: never a token that can mint. */
export type HostSession = {
  user: { id: DemoUserId; label: string; name: string; description: string; scopes: string[] };
  users: { id: DemoUserId; label: string; name: string; description: string }[];
  /** The current user's browser token: their scopes without `embed:mint`. */
  token: string;
};
