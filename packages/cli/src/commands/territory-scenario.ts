// attain territory scenario create NAME [--as-of DATE] | list | move NAME <account> <territory>
//   | owner NAME <territory> <person|--tbh LABEL> | compare NAME [--as-of DATE] [--format json|table]
//   | publish NAME --effective DATE | archive NAME          (DESIGN §5.1, docs/territory-balancing.md)
import { assertIsoDate } from '@attain/core/dates/iso-date.ts';
import { compareScenario, type ScenarioComparison } from '@attain/store/territory/scenario-compare.ts';
import { archiveScenario, createScenario, listScenarios } from '@attain/store/territory/scenario-create.ts';
import { moveAccountInScenario, setScenarioOwner } from '@attain/store/territory/scenario-edit.ts';
import { publishScenario } from '@attain/store/territory/scenario-publish.ts';
import { type Command, Option } from 'commander';
import { withStore } from '../open-store.ts';
import { cliActor, today } from './territory-context.ts';

const formatOption = () => new Option('--format <format>', 'output format').choices(['json', 'table']).default('table');
const print = (format: string, value: unknown, table: () => string) =>
  process.stdout.write(format === 'json' ? `${JSON.stringify(value, null, 2)}\n` : `${table()}\n`);

export function registerScenario(territory: Command): void {
  const scenario = territory
    .command('scenario')
    .description('what-if territory models: copy, edit, compare, publish, archive');

  scenario
    .command('create')
    .description('copy the live model (assignments, owners, rules) as of a date into a new scenario')
    .argument('<name>')
    .option('--as-of <date>', 'the live model of this date (default today)')
    .action(async (name: string, options: { asOf?: string }, command: Command) => {
      const asOf = assertIsoDate(options.asOf ?? today(), '--as-of');
      const created = await withStore(command, 'attain territory scenario', (store) =>
        createScenario(store.db, { name, asOf, actor: cliActor() }),
      );
      process.stdout.write(`created scenario ${created.name} (id ${created.id}) from the live model of ${asOf}\n`);
    });

  scenario
    .command('list')
    .addOption(formatOption())
    .action(async (options: { format: string }, command: Command) => {
      const scenarios = await withStore(command, 'attain territory scenario', (store) => listScenarios(store.db));
      print(options.format, { scenarios }, () =>
        scenarios
          .map(
            (s) =>
              `${s.id}\t${s.name}\t${s.status}\tbased on ${s.basedOn}${s.effectiveDate ? `\teffective ${s.effectiveDate}` : ''}`,
          )
          .join('\n'),
      );
    });

  scenario
    .command('move')
    .description('move an account to another territory inside the scenario')
    .arguments('<name> <account> <territory>')
    .action(async (name: string, account: string, to: string, _options: unknown, command: Command) => {
      const moved = await withStore(command, 'attain territory scenario', (store) =>
        moveAccountInScenario(store.db, { scenario: name, account, territory: to, actor: cliActor() }),
      );
      process.stdout.write(`${moved.account}: ${moved.from ?? '(none)'} → ${moved.to} in scenario ${name}\n`);
    });

  scenario
    .command('owner')
    .description("change a territory's owner inside the scenario: a person, or --tbh LABEL")
    .arguments('<name> <territory> [person]')
    .option('--tbh <label>', 'a to-be-hired placeholder instead of a person')
    .action(
      async (name: string, to: string, person: string | undefined, options: { tbh?: string }, command: Command) => {
        if ((person === undefined) === (options.tbh === undefined))
          command.error('error: give a person or --tbh LABEL', { exitCode: 2 });
        const owner = await withStore(command, 'attain territory scenario', (store) =>
          setScenarioOwner(store.db, { scenario: name, territory: to, person, tbh: options.tbh, actor: cliActor() }),
        );
        process.stdout.write(`${owner.territory}: owner ${owner.owner} in scenario ${name}\n`);
      },
    );

  scenario
    .command('compare')
    .description('the scenario beside the live model: per territory, moves, owners, balance')
    .argument('<name>')
    .option('--as-of <date>', 'the live model of this date (default: the effective date once published, else today)')
    .addOption(formatOption())
    .action(async (name: string, options: { asOf?: string; format: string }, command: Command) => {
      const asOf = options.asOf === undefined ? undefined : assertIsoDate(options.asOf, '--as-of');
      const comparison = await withStore(command, 'attain territory scenario', (store) =>
        compareScenario(store.db, name, { asOf, today: today() }),
      );
      print(options.format, comparison, () => comparisonTable(comparison));
    });

  scenario
    .command('publish')
    .description('make every difference an effective-dated change of the live model')
    .argument('<name>')
    .requiredOption('--effective <date>', 'the date the scenario takes effect')
    .action(async (name: string, options: { effective: string }, command: Command) => {
      const result = await withStore(command, 'attain territory scenario', (store) =>
        publishScenario(store.db, { scenario: name, effectiveDate: options.effective, actor: cliActor() }),
      );
      process.stdout.write(
        `published ${name} effective ${result.effectiveDate}: ${result.assignmentsChanged} assignments, ${result.ownersChanged} owners${result.rulesReplaced ? ', rules replaced' : ''}\n`,
      );
    });

  scenario
    .command('archive')
    .argument('<name>')
    .action(async (name: string, _options: unknown, command: Command) => {
      await withStore(command, 'attain territory scenario', (store) => archiveScenario(store.db, name, cliActor()));
      process.stdout.write(`archived ${name}\n`);
    });
}

function comparisonTable(c: ScenarioComparison): string {
  const head = ['territory', 'accounts', 'potential', 'bookings 12m', 'pipeline', 'owner'];
  const pair = (a: string | null, b: string | null) => (a === b ? `${a ?? '-'}` : `${a ?? '-'} → ${b ?? '-'}`);
  const rows = c.territories.map((t) => [
    `${t.territory} ${t.name}`,
    pair(t.live.accounts, t.scenario.accounts),
    pair(t.live.potential, t.scenario.potential),
    pair(t.live.bookings, t.scenario.bookings),
    pair(t.live.pipeline, t.scenario.pipeline),
    pair(t.live.owner, t.scenario.owner),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const balance = Object.entries(c.balance).map(
    ([figure, b]) =>
      `  ${figure}: maxDeviation ${b.live.maxDeviation} → ${b.scenario.maxDeviation}, cv ${b.live.cv} → ${b.scenario.cv}`,
  );
  return [
    `scenario ${c.scenario.name} (${c.scenario.status}) vs the live model of ${c.asOf}: live → scenario`,
    line(head),
    ...rows.map(line),
    '',
    `accounts moved: ${c.moved.length}`,
    ...c.moved.slice(0, 50).map((m) => `  ${m.account} ${m.name}: ${m.from ?? '-'} → ${m.to ?? '-'}`),
    ...(c.moved.length > 50 ? [`  … and ${c.moved.length - 50} more (--format json lists all)`] : []),
    `owner changes: ${c.owners.length}`,
    ...c.owners.map((o) => `  ${o.territory}: ${o.live ?? '-'} → ${o.scenario ?? '-'}`),
    `owners affected: ${c.ownersAffected.join(', ') || '-'}`,
    'balance (live → scenario):',
    ...balance,
  ].join('\n');
}
