// attain forecast submit | forecast calls (issue 6, docs/forecast-calls.md): submit a forecast call
// or a manager's override, and print a manager's team grid with roll-ups as of a week. The CLI acts
// as ops would: it sees everyone and may submit on anyone's behalf, audited as `cli:<user>`.
import { periodOf } from '@attain/core/calendar/period-of.ts';
import { assertIsoDate } from '@attain/core/dates/iso-date.ts';
import type { SubmittedCall } from '@attain/store/forecast/forecast-call.ts';
import { submitCall } from '@attain/store/forecast/submit-call.ts';
import { headOfOrg, type TeamCallRow, type TeamRollup, teamRollup } from '@attain/store/forecast/team-rollup.ts';
import { readSettings } from '@attain/store/settings/workspace-settings.ts';
import { type Command, Option } from 'commander';
import { withStore } from '../open-store.ts';
import { type Grid, render } from './pipeline-output.ts';
import { cliActor } from './territory-context.ts';

const today = () => new Date().toISOString().slice(0, 10);

interface SubmitOptions {
  person: string;
  period: string;
  commit: string;
  bestCase: string;
  pipeline: string;
  weekOf?: string;
  override?: boolean;
  note?: string;
  currency?: string;
  format: 'json' | 'table';
}

interface CallsOptions {
  period?: string;
  asOfWeek?: string;
  manager?: string;
  format: 'json' | 'table' | 'csv';
}

export function registerForecastCalls(forecast: Command): void {
  forecast
    .command('submit')
    .description("submit a forecast call (commit ≤ best case ≤ pipeline), or with --override a manager's team call")
    .requiredOption('--person <id>', "the person's external id")
    .requiredOption('--period <period>', 'a month, quarter, half or fiscal year, e.g. 2026-Q3')
    .requiredOption('--commit <amount>', 'commit amount')
    .requiredOption('--best-case <amount>', 'best case amount (includes commit)')
    .requiredOption('--pipeline <amount>', 'pipeline amount (includes best case)')
    .option('--week-of <date>', 'any day of the week the call is for (default: this week)')
    .option('--override', "override the person's team roll-up (needs --note)")
    .option('--note <text>', 'why the override')
    .option('--currency <code>', "the call's currency (default: the person's)")
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table']).default('table'))
    .action(async (options: SubmitOptions, command: Command) => {
      const call = await withStore(command, 'attain forecast submit', (store) =>
        submitCall(
          store.db,
          { viewer: { role: 'ops', personId: null }, actor: cliActor(), today: today() },
          {
            person: options.person,
            period: options.period,
            commit: options.commit,
            bestCase: options.bestCase,
            pipeline: options.pipeline,
            weekOf: options.weekOf,
            override: options.override,
            note: options.note,
            currency: options.currency,
          },
        ),
      );
      process.stdout.write(options.format === 'json' ? `${JSON.stringify(call, null, 2)}\n` : callLine(call));
    });

  forecast
    .command('calls')
    .description("a manager's forecast-call grid: each direct report's call, team roll-ups and overrides, as of a week")
    .option('--period <period>', 'default: the fiscal quarter holding today')
    .option('--as-of-week <date>', 'any day of the week to show the calls as of (default: this week)')
    .option('--manager <id>', "the manager's external id (default: the head of the org)")
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table', 'csv']).default('table'))
    .action(async (options: CallsOptions, command: Command) => {
      const grid = await withStore(command, 'attain forecast calls', async (store) => {
        const week = assertIsoDate(options.asOfWeek ?? today(), '--as-of-week');
        const period =
          options.period ?? periodOf((await readSettings(store.db)).fiscalCalendar, today(), 'quarter').period;
        const person = options.manager ?? (await headOfOrg(store.db, week));
        return teamRollup(store.db, { kind: 'all' }, { person, period, week });
      });
      process.stdout.write(
        options.format === 'json'
          ? `${JSON.stringify(grid, null, 2)}\n`
          : render(callsGrid(grid, options.format === 'table'), options.format),
      );
    });
}

function callLine(call: SubmittedCall): string {
  const what = call.override ? `Team override for ${call.personName}` : `Call for ${call.personName}`;
  const note = call.note ? ` — ${call.note}` : '';
  return `${what}, ${call.period}, week of ${call.weekOf}: commit ${call.commit}, best case ${call.bestCase}, pipeline ${call.pipeline} ${call.currency}${note}\n`;
}

/** One line per person, depth-first; a manager's line is their team call, with the roll-up beside it. */
export function callsGrid(grid: TeamRollup, indent: boolean): Grid {
  const rows: Grid['rows'] = [];
  const walk = (row: TeamCallRow, level: number) => {
    rows.push([
      level,
      row.person,
      indent ? `${'  '.repeat(level)}${row.name}` : row.name,
      row.source,
      row.commit,
      row.bestCase,
      row.pipeline,
      row.wonToDate,
      row.rollup?.commit ?? null,
      row.rollup?.bestCase ?? null,
      row.rollup?.pipeline ?? null,
      row.override?.note ?? null,
    ]);
    for (const report of row.reports) walk(report, level + 1);
  };
  walk(grid.team, 0);
  return {
    heading: [`Forecast calls for ${grid.period.period} as of the week of ${grid.weekOf}, in ${grid.currency}`],
    columns: [
      'level',
      'person',
      'name',
      'source',
      'commit',
      'best_case',
      'pipeline',
      'won_to_date',
      'rollup_commit',
      'rollup_best_case',
      'rollup_pipeline',
      'note',
    ],
    numeric: new Set([
      'level',
      'commit',
      'best_case',
      'pipeline',
      'won_to_date',
      'rollup_commit',
      'rollup_best_case',
      'rollup_pipeline',
    ]),
    rows,
  };
}
