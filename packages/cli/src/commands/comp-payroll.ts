// attain comp payroll --period P --out FILE.csv|FILE.xlsx [--format csv|xlsx]
// The payroll file of an approved period (docs/comp-close-outputs.md): one row per paid payee,
// written beside its final name and renamed when complete. Held payees are not in the file; each
// is printed as a warning so payroll knows who is missing.
import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { writeCsv } from '@attain/io/export/write-csv.ts';
import { writeXlsx } from '@attain/io/export/write-xlsx.ts';
import { payrollColumns, payrollRecord, payrollRows } from '@attain/store/comp/payroll-rows.ts';
import { type Command, Option } from 'commander';
import { withStore } from '../open-store.ts';

interface PayrollOptions {
  period: string;
  out: string;
  format?: 'csv' | 'xlsx';
}

export function registerCompPayroll(comp: Command): void {
  comp
    .command('payroll')
    .description("write an approved period's payroll file: one row per paid payee, in the pay currency")
    .requiredOption('--period <period>', 'pay period label, e.g. 2026-03')
    .requiredOption('--out <file>', 'the file to write (.csv or .xlsx)')
    .addOption(
      new Option('--format <format>', 'file format (default: from the --out extension, else csv)').choices([
        'csv',
        'xlsx',
      ]),
    )
    .action(async (options: PayrollOptions, command: Command) => {
      const format = options.format ?? (extname(options.out).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv');
      const partial = join(dirname(options.out), `.${basename(options.out)}.${process.pid}.partial`);
      const payroll = await withStore(command, 'attain comp payroll', (store) => payrollRows(store.db, options.period));
      const { columns, componentColumn } = payrollColumns(payroll.components);
      const records = payroll.rows.map((row) => payrollRecord(row, componentColumn));
      try {
        if (format === 'xlsx') await writeXlsx(records, columns, partial, { sheetName: `payroll ${payroll.period}` });
        else await writeCsv(records, columns, partial);
        renameSync(partial, options.out);
      } finally {
        rmSync(partial, { force: true });
      }
      for (const hold of payroll.holds) {
        process.stderr.write(
          `warning: ${hold.employeeId} (${hold.name}) is held and not in the file: ${hold.code} ${hold.message}\n`,
        );
      }
      process.stderr.write(
        `Wrote ${payroll.rows.length} payees of ${payroll.period} (run ${payroll.runId}, ${payroll.status}) to ${options.out}\n`,
      );
    });
}
