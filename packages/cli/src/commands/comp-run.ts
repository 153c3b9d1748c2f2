// attain comp run|approve|close --period P, attain comp adjust, attain comp adjustments
// (docs/compensation.md): draft runs, approval, the close, manual adjustments.
import { approveCompRun } from '@attain/store/comp/approve-comp-run.ts';
import { closeCompPeriod } from '@attain/store/comp/close-comp-period.ts';
import {
  type Adjustment,
  approveAdjustment,
  createAdjustment,
  listAdjustments,
} from '@attain/store/comp/comp-adjustments.ts';
import { type RunCompResult, runComp } from '@attain/store/comp/run-comp.ts';
import { type Command, Option } from 'commander';
import { withStore } from '../open-store.ts';
import { progressPrinter } from '../progress.ts';
import { cliActor } from './territory-context.ts';

const format = () => new Option('--format <format>', 'output format').choices(['json', 'table']).default('table');

export function registerCompRun(comp: Command): void {
  comp
    .command('run')
    .description('compute draft results of a pay period for every payee (credits the transactions first)')
    .requiredOption('--period <period>', 'the pay period, e.g. 2026-03')
    .option('--full', 'recompute every payee (default: only payees whose inputs changed since the last run)')
    .addOption(format())
    .action(async (options: { period: string; full?: boolean; format: string }, command: Command) => {
      const result = await withStore(command, 'attain comp run', (store) =>
        runComp(store.db, {
          period: options.period,
          mode: options.full ? 'full' : 'incremental',
          actor: cliActor(),
          onProgress: progressPrinter(),
        }),
      );
      process.stdout.write(options.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : runTable(result));
    });

  comp
    .command('approve')
    .description("approve the period's current draft run")
    .requiredOption('--period <period>', 'the pay period')
    .addOption(format())
    .action(async (options: { period: string; format: string }, command: Command) => {
      const result = await withStore(command, 'attain comp approve', (store) =>
        approveCompRun(store.db, { period: options.period, actor: cliActor() }),
      );
      process.stdout.write(
        options.format === 'json'
          ? `${JSON.stringify(result, null, 2)}\n`
          : `Approved run ${result.runId} of ${result.period}\n`,
      );
    });

  comp
    .command('close')
    .description('close the approved period: its results are locked; later changes post as prior-period adjustments')
    .requiredOption('--period <period>', 'the pay period')
    .addOption(format())
    .action(async (options: { period: string; format: string }, command: Command) => {
      const result = await withStore(command, 'attain comp close', (store) =>
        closeCompPeriod(store.db, { period: options.period, actor: cliActor() }),
      );
      process.stdout.write(
        options.format === 'json'
          ? `${JSON.stringify(result, null, 2)}\n`
          : `Closed ${result.period} (run ${result.runId})\n`,
      );
    });

  comp
    .command('adjust')
    .description('a manual adjustment for a payee and period, with a reason; someone else approves it')
    .requiredOption('--person <id>', "the payee's externalId")
    .requiredOption('--period <period>', 'the pay period it is paid in')
    .requiredOption('--amount <amount>', 'in the plan currency; negative takes money back')
    .requiredOption('--reason <text>', 'why (shown on the statement)')
    .addOption(format())
    .action(
      async (
        options: { person: string; period: string; amount: string; reason: string; format: string },
        command: Command,
      ) => {
        const result = await withStore(command, 'attain comp adjust', (store) =>
          createAdjustment(store.db, { ...options, actor: cliActor() }),
        );
        process.stdout.write(
          options.format === 'json'
            ? `${JSON.stringify(result, null, 2)}\n`
            : `Adjustment ${result.id}: ${result.amount} ${result.currency} for ${result.person} in ${result.period}, awaiting approval\n`,
        );
      },
    );

  const adjustments = comp.command('adjustments').description('list and approve manual adjustments');
  adjustments
    .command('list', { isDefault: true })
    .option('--period <period>', 'only this pay period')
    .addOption(format())
    .action(async (options: { period?: string; format: string }, command: Command) => {
      const list = await withStore(command, 'attain comp adjustments', (store) =>
        listAdjustments(store.db, options.period ? { period: options.period } : {}),
      );
      process.stdout.write(
        options.format === 'json' ? `${JSON.stringify({ adjustments: list }, null, 2)}\n` : adjustmentsTable(list),
      );
    });
  adjustments
    .command('approve <id>')
    .description('approve an adjustment (not your own)')
    .action(async (id: string, _options: unknown, command: Command) => {
      const result = await withStore(command, 'attain comp adjustments approve', (store) =>
        approveAdjustment(store.db, { id, actor: cliActor() }),
      );
      process.stdout.write(`Approved adjustment ${result.id}: it is paid from the next run of ${result.period}\n`);
    });
}

function runTable(r: RunCompResult): string {
  const lines = [
    `Run ${r.runId} of ${r.period} (${r.start} – ${r.end}), ${r.mode}: draft`,
    `  payees paid ${r.payees} (recomputed ${r.recomputed}, unchanged ${r.unchanged}), held ${r.held}`,
    `  credited ${r.crediting.transactions} transactions into ${r.crediting.credits} credits; ${r.crediting.uncredited} uncredited (see attain check)`,
    ...r.totals.map((t) => `  ${t.currency}: earned ${t.earned}, paid ${t.paid}`),
  ];
  if (r.holds.length > 0) {
    lines.push('Held (not paid until fixed):');
    for (const h of r.holds) lines.push(`  ${h.person}  ${h.code}  ${h.message}`);
    if (r.held > r.holds.length) lines.push(`  … and ${r.held - r.holds.length} more`);
  }
  return `${lines.join('\n')}\n`;
}

function adjustmentsTable(list: Adjustment[]): string {
  if (list.length === 0) return 'No adjustments\n';
  const rows = list.map(
    (a) =>
      `${a.id.padStart(4)}  ${a.period}  ${a.person.padEnd(10)}  ${a.amount.padStart(12)} ${a.currency}  ${a.approver ? `approved by ${a.approver}` : 'awaiting approval'}  ${a.reason}`,
  );
  return `${rows.join('\n')}\n`;
}
