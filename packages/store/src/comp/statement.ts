// Reads one payee's statement for a period from the period's current run (docs/comp-close-outputs.md).
// Undefined when the period has no current run or the run has no result for the payee (held, or not
// on a plan). Who may read it is the caller's business (server route, CLI).
import type {
  Statement,
  StatementExplanation,
  StatementLine,
  StatementSegment,
  StatementStatus,
} from '@attain/core/comp/statement.ts';
import { formatAmount, money } from '@attain/core/money/money.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { currentRun } from './current-run.ts';

interface ExplainJson {
  segments?: {
    planId: string;
    version: number;
    from: string;
    to: string | null;
    quotaPeriod: string;
    quota?: Record<string, string>;
    targetIncentive?: string | null;
    attainment?: Record<string, string>;
    components?: Record<string, Record<string, unknown>>;
  }[];
}

export async function getStatement(
  db: Kysely<Database>,
  personId: string,
  period: string,
): Promise<Statement | undefined> {
  const run = await currentRun(db, period);
  if (!run) return undefined;
  const result = await db
    .selectFrom('comp_results as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select(['p.external_id', 'p.name', 'r.currency', 'r.earned', 'r.paid', 'r.draw_balance', 'r.plans', 'r.explain'])
    .where('r.run_id', '=', run.id)
    .where('r.person_id', '=', personId)
    .executeTakeFirst();
  if (!result) return undefined;
  const currency = result.currency.trim();
  const show = (x: string) => formatAmount(money(x, currency));

  const lineRows = await db
    .selectFrom('comp_result_lines as l')
    .leftJoin('comp_adjustments as a', 'a.id', 'l.adjustment_id')
    .select([
      'l.line',
      'l.kind',
      'l.plan_id',
      'l.component',
      'l.source_period',
      'l.amount',
      'a.reason',
      'a.author',
      'a.approver',
    ])
    .where('l.run_id', '=', run.id)
    .where('l.person_id', '=', personId)
    .orderBy('l.line')
    .execute();
  const lines = lineRows.map(
    (l): StatementLine => ({
      line: l.line,
      kind: l.kind as StatementLine['kind'],
      planId: l.plan_id,
      component: l.component,
      sourcePeriod: l.source_period,
      amount: show(l.amount),
      ...(l.kind === 'manual' ? { reason: l.reason ?? '', author: l.author ?? '', approver: l.approver } : {}),
    }),
  );

  const earnings = await db
    .selectFrom('comp_credit_earnings as e')
    .innerJoin('transactions as t', 't.id', 'e.transaction_id')
    .select(['e.plan_id', 'e.component', 't.external_id', 'e.amount'])
    .where('e.run_id', '=', run.id)
    .where('e.person_id', '=', personId)
    .orderBy('t.external_id')
    .execute();

  const explainJson = (result.explain ?? {}) as ExplainJson;
  const segments: StatementSegment[] = [];
  const explain: StatementExplanation[] = [];
  for (const segment of explainJson.segments ?? []) {
    segments.push({
      planId: segment.planId,
      version: segment.version,
      from: segment.from,
      to: segment.to ?? null,
      quotaPeriod: segment.quotaPeriod,
      quota: segment.quota ?? {},
      targetIncentive: segment.targetIncentive ?? null,
      attainment: segment.attainment ?? {},
    });
    for (const [component, detail] of Object.entries(segment.components ?? {})) {
      if (explain.some((e) => e.planId === segment.planId && e.component === component)) continue;
      explain.push({
        planId: segment.planId,
        component,
        detail,
        transactions: earnings
          .filter((e) => e.plan_id === segment.planId && e.component === component)
          .map((e) => ({ externalId: e.external_id, amount: e.amount })),
      });
    }
  }

  // jsonb keeps no key order: explain components in the order of the result's lines.
  const order = (e: StatementExplanation) => {
    const at = lines.findIndex((l) => l.kind === 'component' && l.planId === e.planId && l.component === e.component);
    return at === -1 ? lines.length : at;
  };
  explain.sort((a, b) => order(a) - order(b) || (a.component < b.component ? -1 : a.component > b.component ? 1 : 0));
  await nameTransactions(db, explain);

  return {
    payee: { externalId: result.external_id, name: result.name },
    period: run.period,
    periodStart: run.periodStart,
    periodEnd: run.periodEnd,
    runId: run.id,
    status: run.status as StatementStatus,
    currency,
    plans: plansOf(result.plans),
    lines,
    earned: show(result.earned),
    paid: show(result.paid),
    drawBalance: show(result.draw_balance),
    attainment: segments.at(-1)?.attainment ?? {},
    segments,
    explain,
  };
}

/** The plan versions of the result; the run writes { planId, version, from, to }. */
function plansOf(json: unknown): Statement['plans'] {
  const listed = (Array.isArray(json) ? json : []) as Record<string, unknown>[];
  return listed.map((p) => ({
    planId: String(p.planId),
    version: Number(p.version),
    validFrom: String(p.validFrom ?? p.from),
    validTo: (p.validTo ?? p.to ?? null) as string | null,
  }));
}

/**
 * Adds `transaction` (its externalId) to each explained credit. The run names a credit by its
 * transaction's externalId, with "/overlay" or "/rollup" for those credit kinds
 * (load-run-inputs.ts creditSuffix).
 */
async function nameTransactions(db: Kysely<Database>, explain: StatementExplanation[]) {
  const credits = explain.flatMap((e) =>
    Array.isArray(e.detail.credits) ? (e.detail.credits as { credit?: unknown; transaction?: string }[]) : [],
  );
  const transactionOf = (credit: unknown) => String(credit ?? '').replace(/\/(overlay|rollup)$/, '');
  const wanted = [...new Set(credits.map((c) => transactionOf(c.credit)).filter((id) => id !== ''))];
  if (wanted.length === 0) return;
  const found = await db.selectFrom('transactions').select('external_id').where('external_id', 'in', wanted).execute();
  const known = new Set(found.map((t) => t.external_id));
  for (const credit of credits) {
    const transaction = transactionOf(credit.credit);
    if (known.has(transaction)) credit.transaction = transaction;
  }
}

/** The people with a result in a period's current run, by external id: whose statements there are. */
export async function statementPayees(
  db: Kysely<Database>,
  runId: string,
): Promise<{ id: string; externalId: string }[]> {
  return db
    .selectFrom('comp_results as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select(['p.id', 'p.external_id as externalId'])
    .where('r.run_id', '=', runId)
    .orderBy('p.external_id')
    .execute();
}
