// The compensation run on the demo company: a full run of the last complete month, then an
// incremental run after 1 % new transactions dated in that month; and the simulator alone on
// 1,000 credits (issue 5's targets: full < 60 s, incremental < 10 % of full, simulate < 1 s).
import { parsePeriod } from '@attain/core/calendar/parse-period.ts';
import { periodOf } from '@attain/core/calendar/period-of.ts';
import { validateScenario } from '@attain/core/comp/scenario-schema.ts';
import { simulate } from '@attain/core/comp/simulate.ts';
import { addDays } from '@attain/core/dates/iso-date.ts';
import { runComp } from '@attain/store/comp/run-comp.ts';
import { sql } from 'kysely';
import type { BenchContext } from './run.ts';

const GREGORIAN = { type: 'gregorian', fiscalYearStartMonth: 1 } as const;

export async function run(context: BenchContext): Promise<void> {
  const db = context.store.db;
  const month = periodOf(GREGORIAN, addDays(periodOf(GREGORIAN, context.today, 'month').start, -1), 'month');
  let started = performance.now();
  const full = await runComp(db, { period: month.period, mode: 'full', actor: 'bench' });
  context.record(
    'comp run: full, last complete month',
    performance.now() - started,
    `${full.payees} paid, ${full.held} held, ${full.crediting.credits} credits`,
  );

  const { start, end } = parsePeriod(GREGORIAN, month.period);
  const added = await sql<{ n: string }>`
    with year as (select count(*) as n from transactions where date between ${addDays(end, -364)} and ${end}),
    picked as (
      select t.* from transactions t
       where t.type = 'booking' and t.cancels_id is null and t.date between ${start} and ${end}
       order by t.id limit (select greatest(1, n / 100) from year))
    insert into transactions (external_id, type, date, amount, currency, account_id, opportunity_id, product_id, owner_id, contract_months)
    select 'BENCH-' || id, type, date, amount, currency, account_id, opportunity_id, product_id, owner_id, contract_months from picked
    returning 1`.execute(db);
  started = performance.now();
  const incremental = await runComp(db, { period: month.period, mode: 'incremental', actor: 'bench' });
  context.record(
    'comp run: incremental after 1 % new transactions',
    performance.now() - started,
    `${added.rows.length} added; ${incremental.recomputed} recomputed, ${incremental.unchanged} unchanged`,
  );
  started = performance.now();
  const again = await runComp(db, { period: month.period, mode: 'incremental', actor: 'bench' });
  context.record('comp run: incremental, nothing changed', performance.now() - started, `${again.unchanged} unchanged`);

  const credits = Array.from({ length: 1000 }, (_, i) => ({
    id: `c${String(i).padStart(4, '0')}`,
    date: addDays('2026-01-01', i % 365),
    amount: String(1000 + ((i * 7919) % 50000)),
    type: i % 3 === 0 ? 'new_business' : 'renewal',
  }));
  const scenario = validateScenario({
    plan: {
      id: 'bench',
      currency: 'USD',
      components: [
        {
          id: 'commission',
          kind: 'rate-table',
          input: 'attainment',
          tiers: [
            { to: 1, rate: 0.08 },
            { from: 1, to: 1.5, rate: 0.12 },
            { from: 1.5, rate: 0.16 },
          ],
        },
        { id: 'logo', kind: 'per-credit-bonus', when: { type: 'new_business', amountAtLeast: 40000 }, amount: 500 },
        { id: 'club', kind: 'attainment-bonus', steps: [{ atLeast: 1, amount: 5000 }] },
      ],
    },
    payees: [{ id: 'rep', quota: { bookings: 10000000 }, targetIncentive: 100000, credits }],
  });
  started = performance.now();
  simulate(scenario, { explain: true });
  context.record('simulate: 1,000 credits, 12 pay periods, --explain', performance.now() - started);
}
