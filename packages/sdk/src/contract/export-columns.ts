/**
 * The columns of the CSV export (`GET /v1/sessions/export?format=csv`, A14), in order. Cost
 * columns follow only for a caller who may see spend (S4, X3): without it they are absent from
 * the header, not empty.
 *
 * - `id`, `kind`, `title`, `status`
 * - `owner`: the owner's name
 * - `created`, `updated`, `ended`: ISO-8601 UTC instants (`ended` empty while it runs)
 * - `progress`: the English progress label ("Step 2 of 5", "12 turns", "8 messages")
 * - `host`: the agent's hostname; `playbook`
 * - `initiative`, `plan`: the linked record's title (its id when it has none)
 */
export const EXPORT_COLUMNS = [
  'id',
  'kind',
  'title',
  'status',
  'owner',
  'created',
  'updated',
  'ended',
  'progress',
  'host',
  'playbook',
  'initiative',
  'plan',
] as const;

/**
 * The cost columns (S4): `cost_usd` (the decimal string), `credits`, and the turns by pricing
 * source; empty for a session without cost.
 */
export const EXPORT_COST_COLUMNS = [
  'cost_usd',
  'credits',
  'priced_turns',
  'estimated_turns',
  'unpriced_turns',
] as const;
