// attain territory assign [--as-of DATE] [--dry-run] [--format json|table]
// attain territory tree [--as-of DATE] [--format json|table]
import type { AssignmentResult } from '@attain/store/territory/assign-territories.ts';
import { assignTerritories } from '@attain/store/territory/assign-territories.ts';
import { type TerritoryNode, territoryTree } from '@attain/store/territory/hierarchy.ts';
import { type Command, Option } from 'commander';
import { withStore } from '../open-store.ts';
import { cliActor, today } from './territory-context.ts';

const format = () => new Option('--format <format>', 'output format').choices(['json', 'table']).default('table');

export function registerAssign(territory: Command): void {
  territory
    .command('assign')
    .description('assign accounts to territories: named accounts first, then rules by priority; applies due moves')
    .option('--as-of <date>', 'the date the assignment takes effect (default today)')
    .option('--dry-run', 'show what would change and change nothing')
    .addOption(format())
    .action(async (options: { asOf?: string; dryRun?: boolean; format: string }, command: Command) => {
      const result = await withStore(command, 'attain territory assign', (store) =>
        assignTerritories(store.db, {
          asOf: options.asOf ?? today(),
          today: today(),
          dryRun: options.dryRun ?? false,
          actor: cliActor(),
        }),
      );
      process.stdout.write(
        options.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : assignmentTable(result, options.dryRun),
      );
    });

  territory
    .command('tree')
    .description('the territory hierarchy as of a date, with owners and account counts')
    .option('--as-of <date>', 'the date (default today)')
    .addOption(format())
    .action(async (options: { asOf?: string; format: string }, command: Command) => {
      const asOf = options.asOf ?? today();
      const tree = await withStore(command, 'attain territory tree', (store) => territoryTree(store.db, asOf));
      if (options.format === 'json') {
        const territories = tree.map(({ id: _, ...t }) => t);
        process.stdout.write(`${JSON.stringify({ asOf, territories }, null, 2)}\n`);
      } else process.stdout.write(treeTable(tree));
    });
}

export function assignmentTable(result: AssignmentResult, dryRun = false): string {
  const width = Math.max(7, ...result.changes.map((c) => c.account.length));
  const lines = result.changes.map((c) => `${c.account.padEnd(width)}  ${c.from ?? '(none)'} → ${c.to}  (${c.rule})`);
  const { moved, unchanged, unassigned } = result.summary;
  lines.push(
    `${dryRun ? 'Would move' : 'Moved'} ${moved}, unchanged ${unchanged}, unassigned ${unassigned} as of ${result.asOf}${dryRun ? ' (dry run: nothing changed)' : ''}`,
  );
  return `${lines.join('\n')}\n`;
}

function treeTable(tree: TerritoryNode[]): string {
  const label = (t: TerritoryNode) =>
    `${'  '.repeat(t.depth)}${t.name} (${t.externalId})${t.type === 'overlay' ? ` overlay ${t.productFamily ?? ''}` : ''}`;
  const width = Math.max(9, ...tree.map((t) => label(t).length));
  const lines = [`${'territory'.padEnd(width)}  ${'accounts'.padStart(8)}  owner`];
  for (const t of tree) {
    const owner = t.owner === null ? '(none)' : t.owner.tbh ? `${t.owner.name} (to be hired)` : t.owner.name;
    lines.push(`${label(t).padEnd(width)}  ${String(t.accounts).padStart(8)}  ${owner}`);
  }
  return `${lines.join('\n')}\n`;
}
