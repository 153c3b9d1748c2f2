// The payroll file of an approved period (docs/comp-close-outputs.md): one row per payee paid more
// than zero by the period's current run. `amount` is what payroll pays, in the pay currency of the
// payee's plan assignment (the plan currency when it names none), converted at the rate in force on
// the period's last day and rounded to that currency's minor unit. The breakdown columns stay in
// the plan currency and add up to `planAmount`: components + prior-period and manual adjustments
// + draw top-up + draw recovery (negative).

import { fxRate } from '@attain/core/comp/convert-fx.ts';
import type { ColumnSpec } from '@attain/core/data/entity-columns.ts';
import { Decimal, ZERO } from '@attain/core/money/decimal.ts';
import { formatAmount, money } from '@attain/core/money/money.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { approvedRun } from './current-run.ts';

export interface PayrollRow {
  employeeId: string;
  name: string;
  payCurrency: string;
  amount: string;
  period: string;
  planCurrency: string;
  planAmount: string;
  /** 1 plan currency = fxRate pay currency; "1" when they are the same. */
  fxRate: string;
  components: Record<string, string>;
  priorPeriodAdjustments: string;
  manualAdjustments: string;
  drawTopUp: string;
  drawRecovery: string;
}

export interface PayrollHold {
  employeeId: string;
  name: string;
  code: string;
  message: string;
}

export interface Payroll {
  period: string;
  runId: string;
  status: string;
  periodEnd: string;
  /** Component ids that appear in any row's lines, sorted. */
  components: string[];
  rows: PayrollRow[];
  /** Payees the run could not compute: not in the file, printed as warnings. */
  holds: PayrollHold[];
}

const FIXED = ['employeeId', 'name', 'payCurrency', 'amount', 'period', 'planCurrency', 'planAmount', 'fxRate'];
const TAIL = ['priorPeriodAdjustments', 'manualAdjustments', 'drawTopUp', 'drawRecovery'];

export async function payrollRows(db: Kysely<Database>, period: string): Promise<Payroll> {
  const run = await approvedRun(db, period);
  const results = await db
    .selectFrom('comp_results as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select(['r.person_id', 'p.external_id', 'p.name', 'r.currency', 'r.earned', 'r.paid'])
    .where('r.run_id', '=', run.id)
    .where('r.paid', '>', '0')
    .orderBy('p.external_id')
    .execute();
  const lines = await db
    .selectFrom('comp_result_lines')
    .select(['person_id', 'kind', 'component', 'amount'])
    .where('run_id', '=', run.id)
    .execute();
  const payCurrencies = await payCurrencyOf(db, run.periodEnd);
  const rates = (await db.selectFrom('fx_rates').selectAll().where('date', '<=', run.periodEnd).execute()).map((r) => ({
    date: r.date,
    from: r.from_currency,
    to: r.to_currency,
    rate: new Decimal(r.rate),
  }));

  const components = [...new Set(lines.filter((l) => l.kind === 'component').map((l) => l.component ?? ''))].sort();
  const rows = results.map((result): PayrollRow => {
    const planCurrency = result.currency;
    const payCurrency = payCurrencies.get(result.person_id) ?? planCurrency;
    const show = (x: Decimal) => formatAmount(money(x, planCurrency));
    const own = lines.filter((l) => l.person_id === result.person_id);
    const total = (kind: string) => own.filter((l) => l.kind === kind).reduce((a, l) => a.plus(l.amount), ZERO);
    const byComponent = Object.fromEntries(
      components.map((id) => [
        id,
        show(
          own
            .filter((l) => l.kind === 'component' && (l.component ?? '') === id)
            .reduce((a, l) => a.plus(l.amount), ZERO),
        ),
      ]),
    );
    const paid = new Decimal(result.paid);
    const drawDifference = paid.minus(result.earned);
    const rate = fxRate(rates, planCurrency, payCurrency, run.periodEnd);
    return {
      employeeId: result.external_id,
      name: result.name,
      payCurrency,
      amount: formatAmount(money(paid.times(rate), payCurrency)),
      period: run.period,
      planCurrency,
      planAmount: show(paid),
      fxRate: rate.toDecimalPlaces(10).toFixed(),
      components: byComponent,
      priorPeriodAdjustments: show(total('prior_period')),
      manualAdjustments: show(total('manual')),
      drawTopUp: show(Decimal.max(ZERO, drawDifference)),
      drawRecovery: show(Decimal.min(ZERO, drawDifference)),
    };
  });

  const holds = await db
    .selectFrom('comp_holds as h')
    .innerJoin('people as p', 'p.id', 'h.person_id')
    .select(['p.external_id as employeeId', 'p.name', 'h.code', 'h.message'])
    .where('h.run_id', '=', run.id)
    .orderBy('p.external_id')
    .execute();

  return { period: run.period, runId: run.id, status: run.status, periodEnd: run.periodEnd, components, rows, holds };
}

/** The file's columns: the fixed ones, one per component (renamed on a clash), then the adjustments. */
export function payrollColumns(components: readonly string[]): {
  columns: ColumnSpec[];
  componentColumn: Map<string, string>;
} {
  const taken = new Set([...FIXED, ...TAIL]);
  const componentColumn = new Map(components.map((id) => [id, taken.has(id) ? `component:${id}` : id]));
  const money = (name: string): ColumnSpec => ({ name, kind: 'money' });
  const columns: ColumnSpec[] = [
    { name: 'employeeId', kind: 'text' },
    { name: 'name', kind: 'text' },
    { name: 'payCurrency', kind: 'currency' },
    money('amount'),
    { name: 'period', kind: 'text' },
    { name: 'planCurrency', kind: 'currency' },
    money('planAmount'),
    { name: 'fxRate', kind: 'decimal' },
    ...components.map((id) => money(componentColumn.get(id)!)),
    ...TAIL.map(money),
  ];
  return { columns, componentColumn };
}

/** A row as the export writers take it: column name → cell text. */
export function payrollRecord(row: PayrollRow, componentColumn: Map<string, string>): Record<string, string> {
  const { components, ...fixed } = row;
  const record: Record<string, string> = { ...fixed };
  for (const [id, amount] of Object.entries(components)) record[componentColumn.get(id) ?? id] = amount;
  return record;
}

/** Pay currency per person from the plan assignment in force on the period's last day (or the latest before it). */
async function payCurrencyOf(db: Kysely<Database>, periodEnd: string): Promise<Map<string, string>> {
  // Ordered by valid_from: the last one seen per person is the one in force (or the latest ended).
  const all = await db
    .selectFrom('plan_assignments')
    .select(['person_id', 'currency', 'valid_from'])
    .where('valid_from', '<=', periodEnd)
    .orderBy('valid_from')
    .execute();
  const latest = new Map<string, string | null>();
  for (const a of all) latest.set(a.person_id, a.currency);
  return new Map([...latest].filter((e): e is [string, string] => e[1] !== null).map(([p, c]) => [p, c.trim()]));
}
