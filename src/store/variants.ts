import { NODE_FIELDS, defaultCircuitBreaker, displayName, type Scenario, type ScenarioEdge } from '../model';

/**
 * One-click edits that turn a copy of the open scenario into variant B of a comparison. Pure:
 * each takes a scenario and returns the changed copy with the names of what it changed.
 */
export type RecipeId = 'breakers-off' | 'breakers-default' | 'retries-off' | 'timeouts-off' | 'double-workers';

export interface RecipeOutcome {
  readonly scenario: Scenario;
  /** What changed, in words ("Order service → Payment service"); empty when nothing did. */
  readonly changed: readonly string[];
}

export interface VariantRecipe {
  readonly id: RecipeId;
  /** Short, for the checkbox and the legend. */
  readonly label: string;
  /** One sentence: what B gets. */
  readonly description: string;
  readonly apply: (scenario: Scenario) => RecipeOutcome;
}

function edgeName(scenario: Scenario, edge: ScenarioEdge): string {
  const name = (id: string) => {
    const node = scenario.nodes.find((n) => n.id === id);
    return node ? displayName(node) : id;
  };
  return `${name(edge.from)} → ${name(edge.to)}`;
}

/** Applies `update` to every edge it changes (returns null for edges it leaves alone). */
function eachEdge(scenario: Scenario, update: (edge: ScenarioEdge) => ScenarioEdge | null): RecipeOutcome {
  const changed: string[] = [];
  const edges = scenario.edges.map((edge) => {
    const next = update(edge);
    if (!next) return edge;
    changed.push(edgeName(scenario, edge));
    return next;
  });
  return { scenario: changed.length ? { ...scenario, edges } : scenario, changed };
}

const sameBreaker = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export const VARIANT_RECIPES: readonly VariantRecipe[] = [
  {
    id: 'breakers-off',
    label: 'Breakers off on every edge',
    description: 'every circuit breaker is removed, so callers keep calling a failing dependency',
    apply: (s) => eachEdge(s, (e) => (e.policy.circuitBreaker ? { ...e, policy: { ...e.policy, circuitBreaker: null } } : null)),
  },
  {
    id: 'breakers-default',
    label: 'Breakers on every sync edge (Resilience4j defaults)',
    description:
      'every sync call gets a circuit breaker with Resilience4j defaults (last 100 calls, opens at 50% failures, 60 s open); tuned breakers are replaced by the defaults too',
    apply: (s) =>
      eachEdge(s, (e) => {
        if (e.kind !== 'sync') return null;
        const breaker = defaultCircuitBreaker();
        return sameBreaker(e.policy.circuitBreaker, breaker) ? null : { ...e, policy: { ...e.policy, circuitBreaker: breaker } };
      }),
  },
  {
    id: 'retries-off',
    label: 'Retries off everywhere',
    description: 'no call is retried: every failed attempt fails the call',
    apply: (s) => eachEdge(s, (e) => (e.policy.retry ? { ...e, policy: { ...e.policy, retry: null } } : null)),
  },
  {
    id: 'timeouts-off',
    label: 'Timeouts off everywhere',
    description: 'no caller gives up on an attempt: calls wait as long as the callee takes',
    apply: (s) => eachEdge(s, (e) => (e.policy.timeoutMs !== null ? { ...e, policy: { ...e.policy, timeoutMs: null } } : null)),
  },
  {
    id: 'double-workers',
    label: "Double every service's workers",
    description: 'every service gets twice the workers per replica (gateways and database pools stay as they are)',
    apply: (s) => {
      const changed: string[] = [];
      const nodes = s.nodes.map((n) => {
        if (n.kind !== 'service') return n;
        const workers = Math.min(NODE_FIELDS.workers.max, n.workers * 2);
        if (workers === n.workers) return n;
        changed.push(displayName(n));
        return { ...n, workers };
      });
      return { scenario: changed.length ? { ...s, nodes } : s, changed };
    },
  },
];

export function recipe(id: RecipeId): VariantRecipe {
  const found = VARIANT_RECIPES.find((r) => r.id === id);
  if (!found) throw new Error(`no variant recipe "${id}"`);
  return found;
}

export interface AppliedRecipes {
  readonly scenario: Scenario;
  /** Per recipe, in the order applied: what it changed. */
  readonly steps: readonly { readonly recipe: VariantRecipe; readonly changed: readonly string[] }[];
}

/** The recipes applied one after another to a copy of `scenario` (in the registry's order). */
export function applyRecipes(scenario: Scenario, ids: readonly RecipeId[]): AppliedRecipes {
  let current = scenario;
  const steps: { recipe: VariantRecipe; changed: readonly string[] }[] = [];
  for (const r of VARIANT_RECIPES) {
    if (!ids.includes(r.id)) continue;
    const outcome = r.apply(current);
    current = outcome.scenario;
    steps.push({ recipe: r, changed: outcome.changed });
  }
  return { scenario: current, steps };
}

/** The legend name of B built from recipes: "Breakers off on every edge + Retries off everywhere". */
export function recipesLabel(ids: readonly RecipeId[]): string {
  const labels = VARIANT_RECIPES.filter((r) => ids.includes(r.id)).map((r) => r.label);
  return labels.length ? labels.join(' + ') : 'an unchanged copy';
}
