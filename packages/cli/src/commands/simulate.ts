// `attain simulate <scenario.yaml> [--format json|table] [--explain]` (DESIGN §6): runs a plan over
// a scenario without a database. Reading files and printing only; the rules live in core/comp.
// The JSON shape is a contract relied on from outside — keep it stable (docs/plans.md).

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseScenario } from '@attain/core/comp/scenario-schema.ts';
import { type PayeeResult, type SimulationResult, simulate } from '@attain/core/comp/simulate.ts';
import { AttainError } from '@attain/core/errors.ts';
import { type Command, Option } from 'commander';

interface SimulateOptions {
  format: 'json' | 'table';
  explain?: boolean;
}

export function register(program: Command): void {
  program
    .command('simulate')
    .description('run a compensation plan over a what-if scenario: earnings, payouts, draw balance (DESIGN §6)')
    .argument('<scenario>', 'scenario YAML or JSON file (plan inline, or planFile relative to it)')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table']).default('table'))
    .option('--explain', 'add, per component and period, each credit with its tier slices and rates')
    .action((file: string, options: SimulateOptions) => {
      const scenario = parseScenario(readText(file), file, (planFile) => {
        const path = resolve(dirname(file), planFile);
        return { text: readText(path), source: planFile };
      });
      const result = simulate(scenario, { explain: options.explain ?? false });
      process.stdout.write(options.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : toTable(result));
    });
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new AttainError('FILE_NOT_FOUND', `Cannot read ${path} (${reason})`, { path });
  }
}

function toTable(result: SimulationResult): string {
  return result.payees.map(payeeTable).join('\n');
}

function payeeTable(payee: PayeeResult): string {
  const componentIds = Object.keys(payee.periods[0]?.components ?? {});
  const header = ['period', ...componentIds, 'earned', 'paid', 'drawBalance'];
  const rows = payee.periods.map((p) => [
    p.period,
    ...componentIds.map((id) => p.components[id]!),
    p.earned,
    p.paid,
    p.drawBalance,
  ]);
  rows.push(['total', ...componentIds.map(() => ''), payee.total.earned, payee.total.paid, '']);
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((r) => r[column]!.length)));
  const line = (r: string[]) =>
    r
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd();
  const explained = payee.periods.flatMap((p) => (p.explain ? [p.period, ...explainLines(p.explain)] : []));
  const body = payee.periods.length === 0 ? ['(no pay periods: no credits and no range)'] : all.map(line);
  return [`${payee.id} (${payee.currency})`, ...body, ...(explained.length > 0 ? ['', ...explained] : []), ''].join(
    '\n',
  );
}

interface ExplainedCredit {
  credit: string;
  date?: string;
  amount?: string;
  from?: string;
  to?: string;
  earns?: boolean;
  slices?: { tier: number; from: string; to: string; rate: string; earned: string }[];
  earned: string;
}

/** --explain as text: each credit of the period, its tier slices, rates and what it earned. */
function explainLines(explain: Record<string, Record<string, unknown>>): string[] {
  return Object.entries(explain).flatMap(([id, e]) => {
    const head =
      e.others === undefined ? `earned to date ${e.earnedToDate}` : `the other components pay ${e.others} this period`;
    const lines = [`  ${id}: ${head}${e.score ? `, score ${e.score}` : ''}`];
    for (const c of (e.credits ?? []) as ExplainedCredit[]) {
      const move =
        c.from === undefined
          ? ''
          : ` ${c.from} → ${c.to}${c.earns === false ? ' (moves attainment, earns nothing)' : ''}`;
      lines.push(`    ${c.credit}${c.date ? ` ${c.date}` : ''}${c.amount ? ` ${c.amount}` : ''}${move}: ${c.earned}`);
      for (const slice of c.slices ?? []) {
        lines.push(`      tier ${slice.tier} [${slice.from}, ${slice.to}) × ${slice.rate} = ${slice.earned}`);
      }
    }
    for (const r of (e.reached ?? []) as { quotaPeriod: string; atLeast: string; credit: string }[]) {
      lines.push(`    step ${r.atLeast} of ${r.quotaPeriod} reached by ${r.credit}`);
    }
    return lines;
  });
}
