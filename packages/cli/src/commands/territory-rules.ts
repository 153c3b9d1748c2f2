// attain territory rules import FILE [--replace] | list [--format json|table]
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseRuleFile } from '@attain/core/territory/rule-schema.ts';
import { importRules, listRules } from '@attain/store/territory/rule-repository.ts';
import { type Command, Option } from 'commander';
import { withStore } from '../open-store.ts';
import { cliActor } from './territory-context.ts';

export function registerRules(territory: Command): void {
  const rules = territory.command('rules').description('assignment rules of the live model');
  rules
    .command('import')
    .description('load rules from a YAML or JSON file (a rule with the name of a live rule updates it)')
    .argument('<file>', 'rules file')
    .option('--replace', 'also delete live rules the file does not name')
    .action(async (file: string, options: { replace?: boolean }, command: Command) => {
      const parsed = parseRuleFile(await readFile(file, 'utf8'), basename(file));
      const summary = await withStore(command, 'attain territory rules import', (store) =>
        importRules(store.db, parsed, { actor: cliActor(), replace: options.replace ?? false }),
      );
      process.stdout.write(
        `Rules: ${summary.created} created, ${summary.updated} updated, ${summary.deleted} deleted\n`,
      );
    });
  rules
    .command('list')
    .description('the live rules, by priority')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table']).default('table'))
    .action(async (options: { format: string }, command: Command) => {
      const list = await withStore(command, 'attain territory rules list', (store) => listRules(store.db));
      if (options.format === 'json') {
        process.stdout.write(`${JSON.stringify({ rules: list }, null, 2)}\n`);
        return;
      }
      const lines = list.map((r) => {
        const items = r.items
          .map(
            (item, k) =>
              `${k + 1}: ${item.field} ${item.operator}${item.value === undefined ? '' : ` ${Array.isArray(item.value) ? `(${item.value.join(', ')})` : item.value}`}`,
          )
          .join('; ');
        return `${String(r.priority).padStart(5)}  ${r.name ?? `rule ${r.id}`} → ${r.territory}${r.inherit ? ' (inherited)' : ''}  ${items}${r.logic ? `  logic: ${r.logic}` : ''}`;
      });
      process.stdout.write(`${lines.join('\n')}${lines.length > 0 ? '\n' : ''}`);
    });
}
