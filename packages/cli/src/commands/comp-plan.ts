// attain comp plan load FILE [--valid-from DATE] | list [--format json|table] | show ID [--version N]
// (DESIGN §6: plans are versioned and effective-dated). Reading files and printing only; the
// storage lives in store/comp/plan-versions.ts, the plan language in core/comp/plan-schema.ts.
import { readFile } from 'node:fs/promises';
import { AttainError } from '@attain/core/errors.ts';
import { findPlanVersion, listPlans, savePlanVersion } from '@attain/store/comp/plan-versions.ts';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { withStore } from '../open-store.ts';
import { cliActor } from './territory-context.ts';

export function registerCompPlan(comp: Command): void {
  const plan = comp.command('plan').description('compensation plans: load a YAML version, list, show');
  plan
    .command('load')
    .description('validate a plan YAML (or JSON) file and store it as the next version of its plan id')
    .argument('<file>', 'plan file')
    .option('--valid-from <date>', 'first day this version is in force (default: always)')
    .action(async (file: string, options: { validFrom?: string }, command: Command) => {
      const text = await readText(file);
      const saved = await withStore(command, 'attain comp plan load', (store) =>
        savePlanVersion(store.db, {
          source: file,
          text,
          actor: cliActor(),
          ...(options.validFrom === undefined ? {} : { validFrom: options.validFrom }),
        }),
      );
      const what = `Plan ${saved.planId} version ${saved.version} (valid from ${saved.validFrom})`;
      process.stdout.write(saved.created ? `${what} loaded\n` : `${what} unchanged: the file is its latest version\n`);
    });
  plan
    .command('list')
    .description('every plan with its latest version')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table']).default('table'))
    .action(async (options: { format: string }, command: Command) => {
      const plans = await withStore(command, 'attain comp plan list', (store) => listPlans(store.db));
      if (options.format === 'json') {
        process.stdout.write(`${JSON.stringify({ plans }, null, 2)}\n`);
        return;
      }
      const header = ['plan', 'version', 'versions', 'currency', 'valid from', 'name'];
      const rows = plans.map((p) => [p.planId, String(p.version), String(p.versions), p.currency, p.validFrom, p.name]);
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
      const line = (cells: string[]) =>
        cells
          .map((c, i) => c.padEnd(widths[i]!))
          .join('  ')
          .trimEnd();
      process.stdout.write(`${[line(header), ...rows.map(line)].join('\n')}\n`);
    });
  plan
    .command('show')
    .description("print a plan version's YAML as loaded (the latest version unless --version)")
    .argument('<id>', 'plan id')
    .option('--version <n>', 'version number', wholeNumber)
    .action(async (id: string, options: { version?: number }, command: Command) => {
      const found = await withStore(command, 'attain comp plan show', (store) =>
        findPlanVersion(store.db, id, options.version),
      );
      process.stdout.write(found.source.endsWith('\n') ? found.source : `${found.source}\n`);
    });
}

function wholeNumber(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('expected a version number such as 2');
  return Number(value);
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new AttainError('FILE_NOT_FOUND', `Cannot read ${path} (${reason})`, { path });
  }
}
