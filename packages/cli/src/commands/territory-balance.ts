// attain territory balance --metric potential|accounts|workload|bookings [--tolerance 0.1]
//   [--max-moves N] [--keep-named] [--scenario NAME] [--scope siblings|type] [--as-of DATE]
//   [--time-limit SECONDS] [--format json|table]
// Writes into a scenario, never the live model (docs/territory-balancing.md).
import { assertIsoDate } from '@attain/core/dates/iso-date.ts';
import {
  BALANCE_METRICS,
  type BalanceMetric,
  balanceTerritories,
} from '@attain/store/territory/balance-territories.ts';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { withStore } from '../open-store.ts';
import { cliActor, today } from './territory-context.ts';

interface BalanceOptions {
  metric: BalanceMetric;
  tolerance: number;
  maxMoves?: number;
  keepNamed?: boolean;
  scenario?: string;
  scope: 'siblings' | 'type';
  asOf?: string;
  timeLimit: number;
  format: 'json' | 'table';
}

export function registerBalance(territory: Command): void {
  territory
    .command('balance')
    .description('even out territories of the same type with the least disruption (MIP via HiGHS, greedy fallback)')
    .addOption(new Option('--metric <metric>', 'what to balance').choices(BALANCE_METRICS).makeOptionMandatory())
    .option('--tolerance <fraction>', 'every territory within ±this of its group mean', parseFraction, 0.1)
    .option('--max-moves <n>', 'move at most this many accounts', parseCount)
    .option('--keep-named', 'named accounts stay where they are')
    .option('--scenario <name>', 'balance inside this planning scenario (default: a new balance-<metric>-<date>)')
    .addOption(
      new Option('--scope <scope>', 'balance against siblings (same parent) or all account territories')
        .choices(['siblings', 'type'])
        .default('siblings'),
    )
    .option('--as-of <date>', 'metric values and live model of this date (default today)')
    .option('--time-limit <seconds>', 'HiGHS time limit', parseSeconds, 45)
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table']).default('table'))
    .action(async (options: BalanceOptions, command: Command) => {
      const asOf = assertIsoDate(options.asOf ?? today(), '--as-of');
      const { result, scenario } = await withStore(command, 'attain territory balance', (store) =>
        balanceTerritories(store.db, {
          metric: options.metric,
          tolerance: options.tolerance,
          maxMoves: options.maxMoves,
          keepNamed: options.keepNamed === true,
          scenario: options.scenario,
          scope: options.scope,
          timeLimitSeconds: options.timeLimit,
          asOf,
          actor: cliActor(),
        }),
      );
      if (options.format === 'json') {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      const lines = [
        `${result.solver}: ${result.note}`,
        `before: maxDeviation ${result.before.maxDeviation}, cv ${result.before.cv}`,
        `after:  maxDeviation ${result.after.maxDeviation}, cv ${result.after.cv}`,
        `${result.moves.length} moves into scenario ${scenario.name}`,
        ...result.territories.map((t) => `  ${t.territory}  ${t.before} → ${t.after}`),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}

function parseFraction(value: string): number {
  const n = Number(value);
  if (!(n >= 0 && n < 1)) throw new InvalidArgumentError('Expected a fraction from 0 to 1, e.g. 0.1.');
  return n;
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('Expected a whole number.');
  return Number(value);
}

function parseSeconds(value: string): number {
  const n = Number(value);
  if (!(n > 0 && n <= 3600)) throw new InvalidArgumentError('Expected seconds, 1 to 3600.');
  return n;
}
