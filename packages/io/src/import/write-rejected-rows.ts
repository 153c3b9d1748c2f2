// The rows --skip-invalid left out, in canonical columns with the reason last: fix them in Excel
// and import this file again (its headers are Attain's own, so it needs no mapping). Text that a
// spreadsheet would run as a formula is neutralised like every export (DESIGN §3), and so is the raw
// text of an invalid number or date, since it is text until fixed.
import { createWriteStream } from 'node:fs';
import { ENTITY_COLUMNS, type EntityName } from '@attain/core/data/entity-columns.ts';
import { stringify } from 'csv-stringify';
import { neutralise } from '../export/neutralise.ts';

const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;
const safe = (value: string | null) => (value === null || PLAIN_NUMBER.test(value) ? value : neutralise(value));

export interface RejectedRowOut {
  row: number;
  values: Record<string, string | null>;
  reason: string;
}

export function rejectedRowsWriter(path: string, entity: EntityName) {
  const columns = ['row', ...ENTITY_COLUMNS[entity].map((c) => c.name), 'reason'];
  const out = createWriteStream(path);
  const csv = stringify({ header: true, columns });
  csv.pipe(out);
  let count = 0;
  return {
    write(rejected: RejectedRowOut): void {
      count += 1;
      const values = Object.fromEntries(Object.entries(rejected.values).map(([k, v]) => [k, safe(v)]));
      csv.write({ row: rejected.row, ...values, reason: neutralise(rejected.reason) });
    },
    /** Resolves with how many rows were written once the file is complete. */
    close: () =>
      new Promise<number>((resolve, reject) => {
        out.on('finish', () => resolve(count));
        out.on('error', reject);
        csv.end();
      }),
  };
}
