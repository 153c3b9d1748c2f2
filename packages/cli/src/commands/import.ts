// attain import <entity> <file> [--map FILE | --preset salesforce|hubspot] [--as-of DATE] [--dry-run]
//   [--skip-invalid] [--create-missing] [--sheet NAME] [--format json|table]
import { rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { ENTITY_NAMES, type EntityName } from '@attain/core/data/entity-columns.ts';
import { assertIsoDate } from '@attain/core/dates/iso-date.ts';
import { isAttainError } from '@attain/core/errors.ts';
import { loadMappingFile, openImportFile } from '@attain/io/import/open-import-file.ts';
import { rejectedRowsWriter } from '@attain/io/import/write-rejected-rows.ts';
import { type ImportSummary, importRows } from '@attain/store/data/import-entity.ts';
import type { ImportIssue } from '@attain/store/data/import-issues.ts';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { withStore } from '../open-store.ts';

interface ImportCliOptions {
  map?: string;
  preset?: 'salesforce' | 'hubspot';
  asOf: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  createMissing?: boolean;
  sheet?: string;
  format: 'json' | 'table';
}

export function rejectedFileFor(file: string): string {
  return join(dirname(file), `${basename(file, extname(file))}.rejected.csv`);
}

function printIssues(issues: ImportIssue[], total: number): void {
  for (const issue of issues) process.stderr.write(`  ${issue.code}  ${issue.message}\n`);
  if (total > issues.length) process.stderr.write(`  … and ${total - issues.length} more\n`);
}

function printSummary(
  summary: ImportSummary,
  file: string,
  extra: { unknownColumns: string[]; rejectedFile?: string },
) {
  const verb = summary.dryRun ? 'would be' : 'were';
  process.stderr.write(
    `${file}: ${summary.rows} ${summary.entity} rows — ${summary.created} ${verb} created, ${summary.updated} ${verb} updated, ${summary.unchanged} unchanged${summary.rejected > 0 ? `, ${summary.rejected} rejected` : ''}${summary.dryRun ? ' (dry run: nothing was written)' : ''}\n`,
  );
  if (extra.unknownColumns.length > 0) {
    process.stderr.write(`Ignored columns: ${extra.unknownColumns.join(', ')}\n`);
  }
  if (extra.rejectedFile) process.stderr.write(`Rejected rows, with the reason, are in ${extra.rejectedFile}\n`);
}

export function register(program: Command): void {
  program
    .command('import')
    .description('import a CSV or XLSX file into one entity, all or nothing')
    .addArgument(
      program.createArgument('<entity>', `what the file holds: ${ENTITY_NAMES.join(', ')}`).choices([...ENTITY_NAMES]),
    )
    .argument('<file>', 'a .csv or .xlsx file')
    .option('--map <file>', 'a mapping (YAML) from the file’s columns to Attain’s')
    .addOption(
      new Option('--preset <system>', 'a built-in mapping for a CRM export')
        .choices(['salesforce', 'hubspot'])
        .conflicts('map'),
    )
    .option(
      '--as-of <date>',
      'the date the file’s facts hold from (changes, snapshots); default today',
      (value: string) => {
        try {
          return assertIsoDate(value, '--as-of');
        } catch {
          throw new InvalidArgumentError('a date is YYYY-MM-DD');
        }
      },
      new Date().toISOString().slice(0, 10),
    )
    .option('--dry-run', 'report what would change and write nothing')
    .option('--skip-invalid', 'import the valid rows; write the rejected ones, with a reason, next to the file')
    .option(
      '--create-missing',
      'create people, accounts, products, territories and org units that a reference names but that do not exist',
    )
    .option('--sheet <name>', 'the XLSX sheet (default the first)')
    .addOption(new Option('--format <format>', 'summary format').choices(['json', 'table']).default('table'))
    .action(async (entity: EntityName, file: string, options: ImportCliOptions, command: Command) => {
      const mapping = options.map ? await loadMappingFile(options.map) : undefined;
      const source = await openImportFile(file, { entity, mapping, preset: options.preset, sheet: options.sheet });
      const rejectedFile = options.skipInvalid && !options.dryRun ? rejectedFileFor(file) : undefined;
      const rejects = rejectedFile ? rejectedRowsWriter(rejectedFile, entity) : undefined;
      let summary: ImportSummary;
      try {
        summary = await withStore(command, 'attain import', (store) =>
          importRows(store.db, entity, source, {
            asOf: options.asOf,
            dryRun: options.dryRun,
            skipInvalid: options.skipInvalid,
            createMissing: options.createMissing,
            actor: `cli:${process.env.USER ?? 'unknown'}`,
            fileName: basename(file),
            onRejected: rejects ? (r) => rejects.write(r) : undefined,
          }),
        );
      } catch (error) {
        await rejects?.close();
        if (isAttainError(error) && error.code === 'IMPORT_INVALID') {
          const details = error.details as { errors: ImportIssue[]; total: number };
          printIssues(details.errors, details.total);
        }
        throw error;
      }
      const written = await rejects?.close();
      if (rejectedFile && !written) rmSync(rejectedFile, { force: true });
      const extra = { unknownColumns: source.unknownColumns, rejectedFile: written ? rejectedFile : undefined };
      if (options.format === 'json') {
        process.stdout.write(`${JSON.stringify({ file, ...summary, ...extra }, null, 2)}\n`);
      } else {
        printSummary(summary, file, extra);
        if (summary.rejected > 0) printIssues(summary.issues, summary.issueCount);
      }
    });
}
