// attain query <metric> [--by dim,dim] [--period P] [--as-of DATE] [--where field=value] [--format json|csv|table]
// attain query --list
import { METRICS, metricNamed, parseDimensions } from '@attain/core/metrics/catalog.ts';
import { parseWhere } from '@attain/server/routes/metrics/metric.ts';
import { queryMetric } from '@attain/store/metrics/query-metric.ts';
import { type Command, Option } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { withStore } from '../open-store.ts';

interface QueryOptions {
  list?: boolean;
  by?: string;
  period?: string;
  asOf?: string;
  where: string[];
  format: 'json' | 'csv' | 'table';
}

function table(rows: Record<string, string | null>[], columns: string[]): string {
  const cells = rows.map((r) => columns.map((c) => r[c] ?? ''));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) =>
    values.map((v, i) => (i === values.length - 1 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ');
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export function register(program: Command): void {
  program
    .command('query')
    .description('a metric of the catalog, grouped by dimensions (attain query --list for the catalog)')
    .argument('[metric]', 'metric name, e.g. win_rate')
    .option('--list', 'print the catalog with each definition')
    .option('--by <dims>', 'dimensions, comma-separated (owner, manager, quarter, …)')
    .option('--period <label>', 'a month, quarter, half or fiscal year, e.g. 2026-Q1')
    .option('--as-of <date>', 'for pipeline metrics: as of this date (default today)')
    .option(
      '--where <field=value>',
      'keep one dimension value (repeatable)',
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv', 'table']).default('table'))
    .action(async (metricName: string | undefined, options: QueryOptions, command: Command) => {
      if (options.list || !metricName) {
        const rows = METRICS.map((m) => ({ metric: m.name, unit: m.unit, definition: m.definition }));
        process.stdout.write(
          options.format === 'json'
            ? `${JSON.stringify({ metrics: rows }, null, 2)}\n`
            : `${table(rows, ['metric', 'unit', 'definition'])}\n`,
        );
        return;
      }
      const metric = metricNamed(metricName);
      const by = parseDimensions(options.by);
      const where = parseWhere(options.where);
      const today = new Date().toISOString().slice(0, 10);
      const result = await withStore(command, 'attain query', (store) =>
        queryMetric(
          store.db,
          { kind: 'all' },
          { metric, by, period: options.period, asOf: options.asOf, where, today },
        ),
      );
      const columns = [...by, 'value'];
      if (options.format === 'json') process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else if (options.format === 'csv') process.stdout.write(stringify(result.rows, { header: true, columns }));
      else process.stdout.write(`${table(result.rows, columns)}\n`);
    });
}
