// Open pipeline as of any date (DESIGN §8 open_pipeline, issue 6 pipeline history): each deal's
// latest snapshot on or before the date, kept when open (and, with a period, closing inside it),
// grouped by stage / forecast category / owner / owner's manager as of the date. Amounts in the
// reporting currency at the as-of date's rate, to the cent per deal. Plan: each deal's latest
// snapshot up to the date (one primary-key probe per deal, snapshot-state.ts) → hash join to the
// one-day FX rates → optional dimension joins → group by, sorted by the stage order then names.

import { assertIsoDate } from '@attain/core/dates/iso-date.ts';
import { AttainError } from '@attain/core/errors.ts';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { readSettings } from '../settings/workspace-settings.ts';
import { type Visibility, visibleCondition } from '../visibility/visible-people.ts';
import {
  fxRatesOn,
  openSnapshotsAsOf,
  periodOrQuarter,
  snapshotsAsOfClosing,
  stageOrder,
  withHistoryPlanning,
} from './snapshot-state.ts';

export const PIPELINE_DIMENSIONS = ['stage', 'forecast_category', 'owner', 'manager'] as const;
export type PipelineDimension = (typeof PIPELINE_DIMENSIONS)[number];

export interface PipelineAsOfQuery {
  asOf: string;
  by: PipelineDimension[];
  /** Only deals whose close date (as of the date) falls in this period label. */
  period?: string | undefined;
  stages?: string[] | undefined;
}

export interface PipelineFigure {
  count: number;
  amount: string;
  /** amount × probability ÷ 100 */
  weighted: string;
}

export interface PipelineAsOfResult {
  asOf: string;
  currency: string;
  period: { period: string; start: string; end: string } | null;
  by: PipelineDimension[];
  rows: (Partial<Record<PipelineDimension, string>> & PipelineFigure)[];
  total: PipelineFigure;
}

const NONE = '(none)';

interface GroupRow {
  count: string;
  amount: string;
  weighted: string;
  is_total: boolean;
  [dimension: string]: string | boolean;
}

export function parsePipelineDimensions(by: string | undefined): PipelineDimension[] {
  const dims = (by ?? '')
    .split(',')
    .map((d) => d.trim())
    .filter((d) => d.length > 0);
  for (const d of dims) {
    if (!PIPELINE_DIMENSIONS.includes(d as PipelineDimension)) {
      throw new AttainError(
        'DIMENSION_UNKNOWN',
        `No pipeline dimension "${d}"; use ${PIPELINE_DIMENSIONS.join(', ')}`,
        {
          dimension: d,
        },
      );
    }
  }
  if (new Set(dims).size !== dims.length) {
    throw new AttainError('DIMENSION_UNKNOWN', `A dimension is named twice in "${by}"`, { by });
  }
  return dims as PipelineDimension[];
}

const DIMENSION_VALUE: Record<PipelineDimension, string> = {
  stage: 's.stage',
  forecast_category: 's.forecast_category',
  owner: 'd_owner.name',
  manager: 'd_mgr.name',
};

export async function pipelineAsOf(
  db: Kysely<Database>,
  visibility: Visibility,
  query: PipelineAsOfQuery,
): Promise<PipelineAsOfResult> {
  return withHistoryPlanning(db, async (trx) =>
    asOfFigures(trx, visibility, query, query.by.includes('stage') ? await stageOrder(trx, query.stages) : []),
  );
}

/**
 * Rows sorted as `order by is_total, <each dimension>` would, the stage by its place in the stage
 * order (unknown stages last) then by name: PostgreSQL ranks each dimension's values in its own
 * collation (rank_<dimension>), so only the stage order is applied here.
 */
function sortRows(rows: GroupRow[], by: readonly PipelineDimension[], stages: readonly string[]): GroupRow[] {
  const place = (stage: string) => {
    const i = stages.indexOf(stage);
    return i < 0 ? Number.POSITIVE_INFINITY : i;
  };
  const rank = (r: GroupRow, d: PipelineDimension) => Number(r[`rank_${d}`]);
  return [...rows].sort((a, b) => {
    if (a.is_total !== b.is_total) return a.is_total ? 1 : -1;
    for (const d of by) {
      if (d === 'stage') {
        const byPlace = place(String(a[d])) - place(String(b[d]));
        if (byPlace !== 0 && !Number.isNaN(byPlace)) return byPlace;
      }
      const byRank = rank(a, d) - rank(b, d);
      if (byRank !== 0) return byRank;
    }
    return 0;
  });
}

async function asOfFigures(
  db: Kysely<Database>,
  visibility: Visibility,
  query: PipelineAsOfQuery,
  stages: readonly string[],
): Promise<PipelineAsOfResult> {
  const settings = await readSettings(db);
  const asOf = assertIsoDate(query.asOf, 'asOf');
  const period = query.period === undefined ? null : periodOrQuarter(settings, query.period, asOf);
  const value = (d: PipelineDimension) => sql.raw(`coalesce(${DIMENSION_VALUE[d]}, '${NONE}')`);
  const keys = query.by.flatMap((d) => [
    sql`${value(d)} as ${sql.ref(d)}`,
    sql`dense_rank() over (order by ${value(d)}) as ${sql.ref(`rank_${d}`)}`,
  ]);

  const { rows } = await sql<GroupRow>`
    with fx as (${fxRatesOn(settings.reportingCurrency, asOf)}),
    s as (
      select s.*, coalesce(s.amount, 0) * fx.rate as amount_rc
      from ${period ? snapshotsAsOfClosing(asOf, period.start, period.end) : openSnapshotsAsOf(asOf)} s
      left join fx on fx.currency = s.currency
      where s.status = 'open' and ${visibleCondition(visibility, 's.owner_id')}
    )
    select ${sql.join([
      ...keys,
      sql`count(*)::text as count`,
      sql`round(coalesce(sum(s.amount_rc), 0), 2)::text as amount`,
      sql`round(coalesce(sum(s.amount_rc * coalesce(s.probability, 0) / 100), 0), 2)::text as weighted`,
      sql`${query.by.length > 0 ? sql`grouping(${sql.join(query.by.map((d) => value(d)))})` : sql`0`} > 0 as is_total`,
    ])}
    from s
    ${query.by.includes('owner') ? sql`left join people d_owner on d_owner.id = s.owner_id` : sql``}
    ${
      query.by.includes('manager')
        ? sql`left join person_history h on h.person_id = s.owner_id and h.valid_from <= ${asOf}::date
              and (h.valid_to is null or h.valid_to > ${asOf}::date)
            left join people d_mgr on d_mgr.id = h.manager_id`
        : sql``
    }
    ${query.by.length > 0 ? sql`group by grouping sets ((${sql.join(query.by.map((d) => value(d)))}), ())` : sql``}`.execute(
    db,
  );
  const figure = (r: { count: string; amount: string; weighted: string }): PipelineFigure => ({
    count: Number(r.count),
    amount: r.amount,
    weighted: r.weighted,
  });
  const total = query.by.length > 0 ? rows.find((r) => r.is_total) : rows[0];
  return {
    asOf,
    currency: settings.reportingCurrency,
    period: period ? { period: period.period, start: period.start, end: period.end } : null,
    by: query.by,
    rows: sortRows(rows, query.by, stages)
      .filter((r) => r !== total)
      .map((r) => ({ ...Object.fromEntries(query.by.map((d) => [d, String(r[d])])), ...figure(r) })),
    total: total ? figure(total) : { count: 0, amount: '0.00', weighted: '0.00' },
  };
}
