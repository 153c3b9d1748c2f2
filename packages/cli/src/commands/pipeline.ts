// attain pipeline asof|waterfall|funnel|velocity|aging|coverage — pipeline history from the
// per-import snapshots (issue 6; docs/pipeline.md has the JSON shapes and the readings chosen).
// The CLI sees the whole company, as `attain query` does.
import { periodOf } from '@attain/core/calendar/period-of.ts';
import { assertIsoDate } from '@attain/core/dates/iso-date.ts';
import { AttainError } from '@attain/core/errors.ts';
import { parseStageList } from '@attain/core/pipeline/stage-order.ts';
import type { Store } from '@attain/store/open-store.ts';
import { pipelineAging } from '@attain/store/pipeline/pipeline-aging.ts';
import { parsePipelineDimensions, pipelineAsOf } from '@attain/store/pipeline/pipeline-as-of.ts';
import { type CoverageBy, pipelineCoverage } from '@attain/store/pipeline/pipeline-coverage.ts';
import { type FunnelBasis, pipelineFunnel } from '@attain/store/pipeline/pipeline-funnel.ts';
import { pipelineVelocity } from '@attain/store/pipeline/pipeline-velocity.ts';
import { pipelineWaterfall } from '@attain/store/pipeline/pipeline-waterfall.ts';
import { readSettings } from '@attain/store/settings/workspace-settings.ts';
import type { Visibility } from '@attain/store/visibility/visible-people.ts';
import { type Command, Option } from 'commander';
import { withStore } from '../open-store.ts';
import {
  agingGrid,
  asOfGrid,
  coverageGrid,
  type Format,
  funnelGrid,
  type Grid,
  render,
  velocityGrid,
  waterfallDealsGrid,
  waterfallGrid,
} from './pipeline-output.ts';

interface PipelineOptions {
  asOf?: string;
  from?: string;
  to?: string;
  period?: string;
  by?: string;
  basis?: string;
  stages?: string;
  deals?: boolean;
  format: Format;
}

const ALL: Visibility = { kind: 'all' };
const today = () => new Date().toISOString().slice(0, 10);
const date = (value: string | undefined, name: string) => assertIsoDate(value ?? today(), name);

function print(result: unknown, grids: Grid[], format: Format): void {
  if (format === 'json') process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(grids.map((g) => render(g, format)).join(format === 'table' ? '\n' : ''));
}

function oneOf<T extends string>(value: string | undefined, choices: readonly T[], fallback: T, name: string): T {
  const chosen = value ?? fallback;
  if (!choices.includes(chosen as T)) {
    throw new AttainError('OPTION_INVALID', `--${name} is one of ${choices.join(', ')}, not "${chosen}"`, {
      option: name,
      value: chosen,
    });
  }
  return chosen as T;
}

const ACTIONS: Record<string, (store: Store, o: PipelineOptions) => Promise<[unknown, Grid[]]>> = {
  asof: async (store, o) => {
    const result = await pipelineAsOf(store.db, ALL, {
      asOf: date(o.asOf, '--as-of'),
      by: parsePipelineDimensions(o.by ?? 'stage'),
      period: o.period,
      stages: parseStageList(o.stages),
    });
    return [result, [asOfGrid(result)]];
  },
  waterfall: async (store, o) => {
    const to = date(o.to, '--to');
    const { fiscalCalendar } = await readSettings(store.db);
    const from = o.from === undefined ? periodOf(fiscalCalendar, to, 'quarter').start : date(o.from, '--from');
    const result = await pipelineWaterfall(store.db, ALL, { from, to, period: o.period, deals: o.deals });
    return [result, o.deals ? [waterfallGrid(result), waterfallDealsGrid(result)] : [waterfallGrid(result)]];
  },
  funnel: async (store, o) => {
    const result = await pipelineFunnel(store.db, ALL, {
      basis: oneOf<FunnelBasis>(o.basis, ['created', 'closed'], 'created', 'basis'),
      period: o.period,
      today: date(o.asOf, '--as-of'),
      stages: parseStageList(o.stages),
    });
    return [result, [funnelGrid(result)]];
  },
  velocity: async (store, o) => {
    const result = await pipelineVelocity(store.db, ALL, {
      period: o.period,
      today: date(o.asOf, '--as-of'),
      stages: parseStageList(o.stages),
    });
    return [result, [velocityGrid(result)]];
  },
  aging: async (store, o) => {
    const result = await pipelineAging(store.db, ALL, {
      asOf: date(o.asOf, '--as-of'),
      period: o.period,
      stages: parseStageList(o.stages),
    });
    return [result, [agingGrid(result, o.format === 'csv' ? 'csv' : 'table')]];
  },
  coverage: async (store, o) => {
    const result = await pipelineCoverage(store.db, ALL, {
      asOf: date(o.asOf, '--as-of'),
      period: o.period,
      by: oneOf<CoverageBy>(o.by, ['owner', 'manager'], 'owner', 'by'),
    });
    return [result, [coverageGrid(result)]];
  },
};

const HELP: Record<string, string> = {
  asof: 'open pipeline as of a date by stage, forecast category, owner or manager',
  waterfall: 'start + created + pulled in + increased − decreased − pushed out − lost − won = end, between two dates',
  funnel: 'stage-to-stage conversion of the deals created (or closed) in a period',
  velocity: 'sales velocity (open deals × win rate × average won ÷ cycle days) and mean days per stage',
  aging: 'open deals as of a date by stage and age bucket, with days in the current stage',
  coverage: 'open pipeline closing in a quota period ÷ (quota − won), by owner or manager',
};

export function register(program: Command): void {
  const pipeline = program
    .command('pipeline')
    .description('pipeline history from the per-import snapshots (docs/pipeline.md)');
  for (const [name, action] of Object.entries(ACTIONS)) {
    const command = pipeline.command(name).description(HELP[name]!);
    if (name === 'waterfall') {
      command
        .option('--from <date>', 'the earlier date (default: start of the fiscal quarter holding --to)')
        .option('--to <date>', 'the later date (default today)')
        .option('--deals', 'also list every deal with its movements');
    } else {
      command.option(
        '--as-of <date>',
        name === 'funnel' || name === 'velocity'
          ? "today's date for the default period (default today)"
          : 'as of this date (default today)',
      );
    }
    command.option(
      '--period <label>',
      name === 'coverage'
        ? 'the quota period label (default: the fiscal quarter holding --as-of)'
        : name === 'asof' || name === 'aging'
          ? 'only deals closing in this period'
          : 'a month, quarter, half or fiscal year, e.g. 2026-Q3 (default: the current quarter)',
    );
    if (name === 'asof') command.option('--by <dims>', 'stage, forecast_category, owner, manager (default stage)');
    if (name === 'coverage') command.option('--by <who>', 'owner or manager (default owner)');
    if (name === 'funnel') command.option('--basis <basis>', 'created or closed in the period (default created)');
    if (name === 'asof' || name === 'funnel' || name === 'velocity' || name === 'aging') {
      command.option('--stages <list>', 'the stage order, comma-separated (default: by typical probability)');
    }
    command
      .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv', 'table']).default('table'))
      .action(async (options: PipelineOptions, self: Command) => {
        const [result, grids] = await withStore(self, `attain pipeline ${name}`, (store) => action(store, options));
        print(result, grids, options.format);
      });
  }
}
