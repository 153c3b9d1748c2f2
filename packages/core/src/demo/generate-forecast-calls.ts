// Demo forecast calls (issue 6, docs/forecast-calls.md): what each rep and manager would have
// called each week of a quarter, derived from the pipeline as it stood that week. Pure: the store
// (store/src/demo/load-forecast-calls.ts) reads each week's basis from the snapshots and inserts
// what this returns. Rules, per person and week (amounts in the basis currency):
//   commit    = won to date + open commit-category deals closing in the quarter × U(0.8, 1.1)
//   best case = commit + open best-case deals × U(0.35, 0.75)
//   pipeline  = best case + open pipeline-category deals × U(0.1, 0.3)
// each rounded down to a whole hundred (so commit ≤ best case ≤ pipeline still holds). Someone
// with nothing won nor open calls nothing that week. A manager overrides the roll-up of their team
// in about one week in four, from the team's basis with the same rules and a note.
import { Decimal } from '../money/decimal.ts';
import { createRandom } from './random.ts';

export interface ForecastCallBasis {
  personId: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  /** A Monday. */
  weekOf: string;
  currency: string;
  /** Won to date and open amounts by forecast category, closing in the period, as of weekOf. */
  won: string;
  commit: string;
  bestCase: string;
  pipeline: string;
  /** 'own' for the person's own deals; 'team' for a manager's whole subtree (an override's basis). */
  scope: 'own' | 'team';
}

export interface DemoForecastCallRow {
  person_id: string;
  period: string;
  period_start: string;
  period_end: string;
  week_of: string;
  scope: 'own' | 'team';
  commit_amount: string;
  best_case_amount: string;
  pipeline_amount: string;
  currency: string;
  override: boolean;
  note: string | null;
  submitted_by: string;
}

const NOTES = [
  'Two commit deals need legal sign-off before quarter end',
  'Pulling in the renewal we expected next quarter',
  'Largest deal slipping: procurement freeze at the customer',
  'Reps are sandbagging; upside from late-stage expansions',
  'Holding back the new-business deals until pricing is approved',
] as const;

const hundreds = (value: Decimal) => value.div(100).floor().times(100);

export function generateForecastCalls(bases: readonly ForecastCallBasis[], seed: number): DemoForecastCallRow[] {
  const rows: DemoForecastCallRow[] = [];
  for (const basis of bases) {
    const random = createRandom(seed, `forecast-call:${basis.personId}:${basis.scope}:${basis.weekOf}`);
    if (basis.scope === 'team' && !random.chance(0.25)) continue;
    const won = new Decimal(basis.won);
    const open = [basis.commit, basis.bestCase, basis.pipeline].map((v) => new Decimal(v));
    if (won.isZero() && open.every((v) => v.isZero())) continue;
    const commit = hundreds(won.plus(open[0]!.times(0.8 + 0.3 * random.next())));
    const bestCase = Decimal.max(commit, hundreds(commit.plus(open[1]!.times(0.35 + 0.4 * random.next()))));
    const pipeline = Decimal.max(bestCase, hundreds(bestCase.plus(open[2]!.times(0.1 + 0.2 * random.next()))));
    rows.push({
      person_id: basis.personId,
      period: basis.period,
      period_start: basis.periodStart,
      period_end: basis.periodEnd,
      week_of: basis.weekOf,
      scope: basis.scope,
      commit_amount: commit.toFixed(2),
      best_case_amount: bestCase.toFixed(2),
      pipeline_amount: pipeline.toFixed(2),
      currency: basis.currency,
      override: basis.scope === 'team',
      note: basis.scope === 'team' ? random.pick(NOTES) : null,
      submitted_by: 'demo',
    });
  }
  return rows;
}
