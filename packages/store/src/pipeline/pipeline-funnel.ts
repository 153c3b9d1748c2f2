// Stage-to-stage conversion (issue 6 pipeline history) for the deals created in a period (basis
// "created", by created date) or closed in it (basis "closed": won or lost, by close date).
// A deal reached a stage when any of its open snapshots sat at that stage or a later one in the
// stage order (weekly snapshots can miss a quick step); a won deal reached every stage. For each
// stage: deals that reached it, reached the next (the last stage's next is won), and were won;
// conversion = reachedNext ÷ reached, winRate = won ÷ reached, 4 decimals, null on zero.
// Plan: deals of the period → their open snapshots → max stage position per deal → one pass of
// conditional counts per stage over an unnest of the stage order.
import { assertIsoDate } from '@attain/core/dates/iso-date.ts';
import { countRatio } from '@attain/core/pipeline/count-ratio.ts';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { readSettings } from '../settings/workspace-settings.ts';
import { type Visibility, visibleCondition } from '../visibility/visible-people.ts';
import { periodOrQuarter, stageOrder } from './snapshot-state.ts';

export type FunnelBasis = 'created' | 'closed';

export interface FunnelQuery {
  basis: FunnelBasis;
  /** A period label; default the fiscal quarter holding today. */
  period?: string | undefined;
  today: string;
  stages?: string[] | undefined;
}

export interface FunnelStage {
  stage: string;
  nextStage: string;
  reached: number;
  reachedNext: number;
  won: number;
  conversion: string | null;
  winRate: string | null;
}

export interface FunnelResult {
  basis: FunnelBasis;
  period: { period: string; start: string; end: string };
  stages: FunnelStage[];
  deals: { total: number; open: number; won: number; lost: number; winRate: string | null };
}

export async function pipelineFunnel(
  db: Kysely<Database>,
  visibility: Visibility,
  query: FunnelQuery,
): Promise<FunnelResult> {
  const settings = await readSettings(db);
  const period = periodOrQuarter(settings, query.period, assertIsoDate(query.today, 'today'));
  const stages = await stageOrder(db, query.stages);
  const inPeriod =
    query.basis === 'created'
      ? sql`o.created_date between ${period.start}::date and ${period.end}::date`
      : sql`o.status in ('won', 'lost') and o.close_date between ${period.start}::date and ${period.end}::date`;

  const { rows } = await sql<{ position: number; reached: string; reached_next: string; won: string }>`
    with deal as (
      select o.id, o.status,
        case when o.status = 'won' then cardinality(${stages}::text[])
          else coalesce(greatest(max(array_position(${stages}::text[], s.stage)),
                                 case when o.status = 'open' then array_position(${stages}::text[], o.stage) end), 0)
        end as reached
      from opportunities o
      left join opportunity_snapshots s on s.opportunity_id = o.id and s.status = 'open'
      where ${inPeriod} and ${visibleCondition(visibility, 'o.owner_id')}
      group by o.id, o.status, o.stage
    )
    select k.position::int as position,
      count(d.id) filter (where d.reached >= k.position)::text as reached,
      count(d.id) filter (where d.reached > k.position or (d.reached >= k.position and d.status = 'won'))::text as reached_next,
      count(d.id) filter (where d.reached >= k.position and d.status = 'won')::text as won
    from generate_series(1, cardinality(${stages}::text[])) k(position)
    left join deal d on true
    group by k.position order by k.position`.execute(db);
  const totals = await sql<{ total: string; open: string; won: string; lost: string }>`
    select count(*)::text as total, count(*) filter (where o.status = 'open')::text as open,
      count(*) filter (where o.status = 'won')::text as won, count(*) filter (where o.status = 'lost')::text as lost
    from opportunities o where ${inPeriod} and ${visibleCondition(visibility, 'o.owner_id')}`.execute(db);
  const t = totals.rows[0]!;
  return {
    basis: query.basis,
    period: { period: period.period, start: period.start, end: period.end },
    stages: rows.map((r) => {
      const reached = Number(r.reached);
      const reachedNext = Number(r.reached_next);
      const won = Number(r.won);
      return {
        stage: stages[r.position - 1]!,
        nextStage: stages[r.position] ?? 'Won',
        reached,
        reachedNext,
        won,
        conversion: countRatio(reachedNext, reached),
        winRate: countRatio(won, reached),
      };
    }),
    deals: {
      total: Number(t.total),
      open: Number(t.open),
      won: Number(t.won),
      lost: Number(t.lost),
      winRate: countRatio(Number(t.won), Number(t.won) + Number(t.lost)),
    },
  };
}
