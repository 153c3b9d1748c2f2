// attain territory rules import FILE [--replace] [--scenario NAME] | list [--scenario NAME] [--format json|table]
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { AttainError } from '@attain/core/errors.ts';
import { parseRuleFile } from '@attain/core/territory/rule-schema.ts';
import type { Database } from '@attain/store/schema.ts';
import { importRules, listRules } from '@attain/store/territory/rule-repository.ts';
import { findScenario } from '@attain/store/territory/scenario-create.ts';
import { type Command, Option } from 'commander';
import type { Kysely } from 'kysely';
import { withStore } from '../open-store.ts';
import { cliActor } from './territory-context.ts';

/** Rules are edited in a scenario only while it is being planned. */
async function planningScenario(db: Kysely<Database>, name: string) {
  const scenario = await findScenario(db, name);
  if (scenario.status !== 'planning') {
    throw new AttainError(
      'SCENARIO_NOT_PLANNING',
      `Scenario "${name}" is ${scenario.status}; only a planning scenario can change`,
      {
        scenario: name,
      },
    );
  }
  return scenario;
}

export function registerRules(territory: Command): void {
  const rules = territory.command('rules').description('assignment rules of the live model or of a scenario');
  rules
    .command('import')
    .description('load rules from a YAML or JSON file (a rule with the name of a live rule updates it)')
    .argument('<file>', 'rules file')
    .option('--replace', 'also delete the rules the file does not name')
    .option('--scenario <name>', 'into a scenario being planned instead of the live model')
    .action(async (file: string, options: { replace?: boolean; scenario?: string }, command: Command) => {
      const parsed = parseRuleFile(await readFile(file, 'utf8'), basename(file));
      const summary = await withStore(command, 'attain territory rules import', async (store) => {
        const scenarioId = options.scenario ? (await planningScenario(store.db, options.scenario)).id : null;
        return importRules(store.db, parsed, { actor: cliActor(), replace: options.replace ?? false, scenarioId });
      });
      process.stdout.write(
        `Rules: ${summary.created} created, ${summary.updated} updated, ${summary.deleted} deleted\n`,
      );
    });
  rules
    .command('list')
    .description('the rules, by priority')
    .option('--scenario <name>', "a scenario's rules instead of the live model's")
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table']).default('table'))
    .action(async (options: { format: string; scenario?: string }, command: Command) => {
      const list = await withStore(command, 'attain territory rules list', async (store) =>
        listRules(store.db, undefined, options.scenario ? (await findScenario(store.db, options.scenario)).id : null),
      );
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
