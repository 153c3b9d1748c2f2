// The metrics catalog (DESIGN §8): one definition per metric, used by the CLI, the API, the web app
// and the packs. Which date a metric's facts are placed on decides both --period filtering and the
// values of the period and as-of dimensions.
import { AttainError } from '../errors.ts';

export type MetricUnit = 'money' | 'count' | 'ratio' | 'days';
/**
 * closed: won/lost deals by close date; created: deals by created date; open: pipeline as of a date;
 * credit: credits by date; payout: run results by pay period end; cost: payouts and won deals;
 * attainment and coverage: quota-period figures against the people's quotas; forecast: calls.
 */
export type MetricBasis =
  | 'closed'
  | 'created'
  | 'open'
  | 'credit'
  | 'payout'
  | 'cost'
  | 'attainment'
  | 'coverage'
  | 'forecast';

export interface MetricDefinition {
  name: string;
  unit: MetricUnit;
  basis: MetricBasis;
  definition: string;
}

export const METRICS: readonly MetricDefinition[] = [
  {
    name: 'won_amount',
    unit: 'money',
    basis: 'closed',
    definition: 'Sum of amounts of won opportunities, by close date',
  },
  { name: 'won_count', unit: 'count', basis: 'closed', definition: 'Number of won opportunities, by close date' },
  { name: 'lost_count', unit: 'count', basis: 'closed', definition: 'Number of lost opportunities, by close date' },
  {
    name: 'win_rate',
    unit: 'ratio',
    basis: 'closed',
    definition: 'won ÷ (won + lost) counts, by close date; null without closed deals',
  },
  { name: 'avg_won_amount', unit: 'money', basis: 'closed', definition: 'won_amount ÷ won_count' },
  {
    name: 'cycle_days',
    unit: 'days',
    basis: 'closed',
    definition: 'Mean calendar days from created date to close date of won deals',
  },
  {
    name: 'open_pipeline',
    unit: 'money',
    basis: 'open',
    definition: 'Sum of amounts of opportunities open as of the date (latest snapshot on or before it)',
  },
  {
    name: 'weighted_pipeline',
    unit: 'money',
    basis: 'open',
    definition: 'open_pipeline with each amount × its probability',
  },
  {
    name: 'created_pipeline',
    unit: 'money',
    basis: 'created',
    definition: 'Sum of amounts of opportunities by created date',
  },
  {
    name: 'pipeline_coverage',
    unit: 'ratio',
    basis: 'coverage',
    definition:
      'open pipeline closing in the quota period as of the date ÷ (bookings quota − won in the period); null when nothing is left to cover',
  },
  {
    name: 'credited_amount',
    unit: 'money',
    basis: 'credit',
    definition: 'Sum of credits (direct, overlay, roll-up), by transaction date',
  },
  {
    name: 'attainment',
    unit: 'ratio',
    basis: 'attainment',
    definition:
      'bookings credits ÷ bookings quota of the people with a quota for the quota period (default: the fiscal year of the date)',
  },
  {
    name: 'payout',
    unit: 'money',
    basis: 'payout',
    definition: 'Commission paid: paid amounts of approved and closed compensation runs, by pay period end',
  },
  {
    name: 'cost_of_sales',
    unit: 'ratio',
    basis: 'cost',
    definition: 'payout ÷ won amount over the same period and people',
  },
  {
    name: 'forecast_accuracy',
    unit: 'ratio',
    basis: 'forecast',
    definition:
      "1 − |call − actual| ÷ actual: each person's own commit call last submitted before the period ends against what they won in it (default: the fiscal quarter of the date)",
  },
];

export const DIMENSIONS = [
  'owner',
  'manager',
  'org_unit',
  'territory',
  'product',
  'product_family',
  'account',
  'industry',
  'segment',
  'region',
  'month',
  'quarter',
  'fiscal_year',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export function metricNamed(name: string): MetricDefinition {
  const metric = METRICS.find((m) => m.name === name);
  if (!metric) {
    throw new AttainError(
      'METRIC_UNKNOWN',
      `No metric "${name}"; the catalog has ${METRICS.map((m) => m.name).join(', ')}`,
      {
        metric: name,
      },
    );
  }
  return metric;
}

export function parseDimensions(by: string | undefined): Dimension[] {
  if (!by) return [];
  const dims = by
    .split(',')
    .map((d) => d.trim())
    .filter((d) => d.length > 0);
  for (const d of dims) {
    if (!DIMENSIONS.includes(d as Dimension)) {
      throw new AttainError('DIMENSION_UNKNOWN', `No dimension "${d}"; use ${DIMENSIONS.join(', ')}`, { dimension: d });
    }
  }
  if (new Set(dims).size !== dims.length) {
    throw new AttainError('DIMENSION_UNKNOWN', `A dimension is named twice in "${by}"`, { by });
  }
  return dims as Dimension[];
}

/** Decimal places of a value of each unit in the §8 JSON: money 2, ratio 4, days 2, counts 0. */
export const UNIT_SCALE: Record<MetricUnit, number> = { money: 2, ratio: 4, days: 2, count: 0 };
