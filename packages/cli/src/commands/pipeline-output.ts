// How `attain pipeline …` prints each answer as CSV or a table (JSON is the result object itself,
// documented in docs/pipeline.md). Text cells (names, stages) are neutralised against formula
// injection (DESIGN §3); amounts and counts are printed as they are.

import { AGE_BUCKETS } from '@attain/core/pipeline/aging-buckets.ts';
import { SUBTRACTED } from '@attain/core/pipeline/waterfall-rules.ts';
import { neutralise } from '@attain/io/export/neutralise.ts';
import type { AgingResult } from '@attain/store/pipeline/pipeline-aging.ts';
import type { PipelineAsOfResult } from '@attain/store/pipeline/pipeline-as-of.ts';
import type { CoverageResult } from '@attain/store/pipeline/pipeline-coverage.ts';
import type { FunnelResult } from '@attain/store/pipeline/pipeline-funnel.ts';
import type { VelocityResult } from '@attain/store/pipeline/pipeline-velocity.ts';
import type { WaterfallResult } from '@attain/store/pipeline/pipeline-waterfall.ts';
import { stringify } from 'csv-stringify/sync';

export type Format = 'json' | 'csv' | 'table';
type Cell = string | number | null;
export interface Grid {
  columns: string[];
  rows: Cell[][];
  /** Numeric columns align right in a table. */
  numeric: Set<string>;
  /** Lines printed above a table (not in CSV). */
  heading?: string[];
}

export function render(grid: Grid, format: Exclude<Format, 'json'>): string {
  if (format === 'csv') {
    const safe = grid.rows.map((row) =>
      row.map((cell, i) => (typeof cell === 'string' && !grid.numeric.has(grid.columns[i]!) ? neutralise(cell) : cell)),
    );
    return stringify([grid.columns, ...safe]);
  }
  const cells = grid.rows.map((row) => row.map((c) => (c === null ? '' : String(c))));
  const widths = grid.columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (grid.numeric.has(grid.columns[i]!) ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return `${[...(grid.heading ?? []), line(grid.columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n')}\n`;
}

const numeric = (...columns: string[]) => new Set(columns);

export function asOfGrid(r: PipelineAsOfResult): Grid {
  const dims = r.by;
  return {
    heading: [`Open pipeline as of ${r.asOf} in ${r.currency}${r.period ? `, closing in ${r.period.period}` : ''}`],
    columns: [...dims, 'count', 'amount', 'weighted'],
    numeric: numeric('count', 'amount', 'weighted'),
    rows: [
      ...r.rows.map((row) => [...dims.map((d) => row[d] ?? null), row.count, row.amount, row.weighted]),
      [...dims.map((_, i) => (i === 0 ? 'total' : '')), r.total.count, r.total.amount, r.total.weighted],
    ],
  };
}

export function waterfallGrid(r: WaterfallResult): Grid {
  return {
    heading: [
      `Pipeline waterfall ${r.from} → ${r.to} for ${r.period.period} (${r.period.start} .. ${r.period.end}), ${r.currency} at ${r.to} rates`,
    ],
    columns: ['step', 'sign', 'amount', 'count'],
    numeric: numeric('amount', 'count'),
    rows: r.steps.map((s) => [
      s.step,
      s.step === 'start' || s.step === 'end' ? '=' : SUBTRACTED.has(s.step) ? '-' : '+',
      s.amount,
      s.count,
    ]),
  };
}

export function waterfallDealsGrid(r: WaterfallResult): Grid {
  return {
    columns: [
      'externalId',
      'name',
      'owner',
      'steps',
      'fromAmount',
      'toAmount',
      'fromCloseDate',
      'toCloseDate',
      'fromStatus',
      'toStatus',
    ],
    numeric: numeric('fromAmount', 'toAmount'),
    rows: (r.deals ?? []).map((d) => [
      d.externalId,
      d.name,
      d.owner,
      d.steps.join('+'),
      d.fromAmount,
      d.toAmount,
      d.fromCloseDate,
      d.toCloseDate,
      d.fromStatus,
      d.toStatus,
    ]),
  };
}

export function funnelGrid(r: FunnelResult): Grid {
  return {
    heading: [
      `Funnel of deals ${r.basis} in ${r.period.period}: ${r.deals.total} deals, ${r.deals.won} won, ${r.deals.lost} lost, ${r.deals.open} open`,
    ],
    columns: ['stage', 'nextStage', 'reached', 'reachedNext', 'won', 'conversion', 'winRate'],
    numeric: numeric('reached', 'reachedNext', 'won', 'conversion', 'winRate'),
    rows: r.stages.map((s) => [s.stage, s.nextStage, s.reached, s.reachedNext, s.won, s.conversion, s.winRate]),
  };
}

export function velocityGrid(r: VelocityResult): Grid {
  return {
    heading: [
      `Sales velocity ${r.period.period} as of ${r.asOf}: ${r.velocityPerDay ?? 'n/a'} ${r.currency} a day`,
      `  = ${r.openDeals} open deals × win rate ${r.winRate ?? 'n/a'} × average won ${r.avgWonAmount ?? 'n/a'} ÷ ${r.cycleDays ?? 'n/a'} cycle days`,
      '',
    ],
    columns: ['stage', 'exits', 'meanDays'],
    numeric: numeric('exits', 'meanDays'),
    rows: r.stages.map((s) => [s.stage, s.exits, s.meanDays]),
  };
}

/** Table: one row per stage with the amount in each age bucket. CSV: long, one row per stage and bucket. */
export function agingGrid(r: AgingResult, format: Exclude<Format, 'json'>): Grid {
  const stages = [...r.stages, r.total];
  if (format === 'csv') {
    return {
      columns: ['stage', 'bucket', 'count', 'amount'],
      numeric: numeric('count', 'amount'),
      rows: stages.flatMap((s) => [
        [s.stage, 'all', s.count, s.amount],
        ...s.buckets.map((b) => [s.stage, b.bucket, b.count, b.amount]),
      ]),
    };
  }
  const buckets = AGE_BUCKETS.map((b) => b.bucket);
  return {
    heading: [`Open deals as of ${r.asOf} by age (days since created), amounts in ${r.currency}`],
    columns: ['stage', 'count', 'amount', ...buckets, 'avgAgeDays', 'avgDaysInStage'],
    numeric: numeric('count', 'amount', ...buckets, 'avgAgeDays', 'avgDaysInStage'),
    rows: stages.map((s) => [
      s.stage,
      s.count,
      s.amount,
      ...s.buckets.map((b) => b.amount),
      s.avgAgeDays,
      s.avgDaysInStage,
    ]),
  };
}

export function coverageGrid(r: CoverageResult): Grid {
  return {
    heading: [
      `Coverage for ${r.period.period} as of ${r.asOf} by ${r.by}, ${r.currency}: open pipeline ÷ (quota − won)`,
    ],
    columns: ['person', 'externalId', 'quota', 'won', 'gap', 'pipeline', 'coverage'],
    numeric: numeric('quota', 'won', 'gap', 'pipeline', 'coverage'),
    rows: r.rows.map((row) => [
      row.person,
      row.externalId,
      row.quota,
      row.won,
      row.gap,
      row.pipeline,
      row.covered ? 'covered' : row.coverage,
    ]),
  };
}
