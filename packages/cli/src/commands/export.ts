// attain export <entity> --out FILE [--format csv|xlsx] [--as-of DATE]
// Writes one canonical entity (DESIGN §4) to a CSV or XLSX file, effective-dated values as of the
// date (default today). The file is written beside its final name and renamed when complete, so an
// interrupted export never leaves half a file under the name asked for.
import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { ENTITY_COLUMNS, ENTITY_NAMES, isEntityName } from '@attain/core/data/entity-columns.ts';
import { assertIsoDate } from '@attain/core/dates/iso-date.ts';
import { writeCsv } from '@attain/io/export/write-csv.ts';
import { writeXlsx } from '@attain/io/export/write-xlsx.ts';
import { exportEntity } from '@attain/store/data/export-entity.ts';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { withStore } from '../open-store.ts';

interface ExportOptions {
  format?: 'csv' | 'xlsx';
  out: string;
  asOf?: string;
}

function parseDate(value: string): string {
  try {
    return assertIsoDate(value);
  } catch {
    throw new InvalidArgumentError('a date is YYYY-MM-DD');
  }
}

export function register(program: Command): void {
  program
    .command('export')
    .description(`write one entity to a CSV or XLSX file (entities: ${ENTITY_NAMES.join(', ')})`)
    .argument('<entity>', `one of ${ENTITY_NAMES.join(', ')}`)
    .requiredOption('--out <file>', 'the file to write')
    .addOption(
      new Option('--format <format>', 'file format (default: from the --out extension, else csv)').choices([
        'csv',
        'xlsx',
      ]),
    )
    .option('--as-of <date>', 'managers, owners, territories and quotas as of this date (default today)', parseDate)
    .action(async (entity: string, options: ExportOptions, command: Command) => {
      if (!isEntityName(entity)) {
        command.error(`error: unknown entity "${entity}"; expected one of ${ENTITY_NAMES.join(', ')}`, {
          exitCode: 2,
          code: 'attain.unknownEntity',
        });
        return;
      }
      const format = options.format ?? (extname(options.out).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv');
      const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
      const columns = ENTITY_COLUMNS[entity];
      const partial = join(dirname(options.out), `.${basename(options.out)}.${process.pid}.partial`);
      const count = await withStore(command, 'attain export', async (store) => {
        try {
          const rows = exportEntity(store.db, entity, { asOf });
          const written =
            format === 'xlsx'
              ? await writeXlsx(rows, columns, partial, { sheetName: entity })
              : await writeCsv(rows, columns, partial);
          renameSync(partial, options.out);
          return written;
        } finally {
          rmSync(partial, { force: true });
        }
      });
      process.stderr.write(`Exported ${count} ${entity} to ${options.out}\n`);
    });
}
