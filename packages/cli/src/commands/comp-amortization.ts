// attain comp amortization --period P [--benefit-months N] [--format json|xlsx] [--out FILE]
// The ASC 340-40 schedule of an approved period (docs/asc-340-40.md): per currency the asset's
// opening balance, what was capitalised, written down and amortised, what was expensed as
// incurred, the total commission expense and the closing balance; then the schedule lines.
import { writeFileSync } from 'node:fs';
import type { ColumnSpec } from '@attain/core/data/entity-columns.ts';
import { AttainError } from '@attain/core/errors.ts';
import { writeXlsxSheets } from '@attain/io/export/write-xlsx-sheets.ts';
import { amortizationSchedule } from '@attain/store/comp/amortization-schedule.ts';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { withStore } from '../open-store.ts';

interface AmortizationOptions {
  period: string;
  benefitMonths?: number;
  format: 'json' | 'xlsx';
  out?: string;
}

const money = (name: string): ColumnSpec => ({ name, kind: 'money' });
const TOTAL_COLUMNS: ColumnSpec[] = [
  { name: 'currency', kind: 'currency' },
  ...[
    'openingBalance',
    'capitalised',
    'writtenDown',
    'amortisation',
    'expensedAsIncurred',
    'totalExpense',
    'closingBalance',
  ].map(money),
];
const LINE_COLUMNS: ColumnSpec[] = [
  { name: 'payee', kind: 'text' },
  { name: 'transaction', kind: 'text' },
  { name: 'currency', kind: 'currency' },
  { name: 'incurred', kind: 'date' },
  money('cost'),
  { name: 'months', kind: 'integer' },
  { name: 'start', kind: 'text' },
  { name: 'end', kind: 'text' },
  money('writtenDown'),
  money('amortisedThisPeriod'),
  money('amortisedToDate'),
  money('remaining'),
];

export function registerCompAmortization(comp: Command): void {
  comp
    .command('amortization')
    .description('ASC 340-40: capitalised commissions, amortisation and expense of an approved period')
    .requiredOption('--period <period>', 'pay period label, e.g. 2026-03')
    .option('--benefit-months <n>', 'amortise every contract cost over this benefit period instead of its term', months)
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'xlsx']).default('json'))
    .option('--out <file>', 'write to this file (required for xlsx; json goes to stdout without it)')
    .action(async (options: AmortizationOptions, command: Command) => {
      if (options.format === 'xlsx' && !options.out) {
        throw new AttainError('OUT_REQUIRED', 'An XLSX schedule needs --out FILE.xlsx', { format: 'xlsx' });
      }
      const report = await withStore(command, 'attain comp amortization', (store) =>
        amortizationSchedule(store.db, options.period, {
          ...(options.benefitMonths !== undefined ? { benefitMonths: options.benefitMonths } : {}),
        }),
      );
      if (options.format === 'xlsx') {
        await writeXlsxSheets(
          [
            { name: `summary ${report.period}`, columns: TOTAL_COLUMNS, rows: report.totals.map(strings) },
            { name: 'schedule', columns: LINE_COLUMNS, rows: report.lines.map(strings) },
          ],
          options.out!,
        );
        process.stderr.write(`Wrote the ${report.period} schedule (${report.lines.length} lines) to ${options.out}\n`);
        return;
      }
      const text = `${JSON.stringify(report, null, 2)}\n`;
      if (options.out) writeFileSync(options.out, text);
      else process.stdout.write(text);
    });
}

function strings(row: object): Record<string, string> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, String(v)]));
}

function months(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 600) {
    throw new InvalidArgumentError('Expected a whole number of months, 1 to 600.');
  }
  return Number(value);
}
