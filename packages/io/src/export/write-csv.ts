// Writes export rows as a CSV file: a header row of the canonical column names, UTF-8 with a byte
// order mark (so Excel reads accents right; Attain's importer accepts it), RFC 4180 quoting and
// CRLF line ends, text cells neutralised against formula injection. Streamed: rows flow through
// csv-stringify into the file with backpressure, so memory holds one chunk at most.
import { createWriteStream } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ColumnSpec } from '@attain/core/data/entity-columns.ts';
import { stringify } from 'csv-stringify';
import { neutraliseCell } from './neutralise.ts';

export type ExportRows = AsyncIterable<Record<string, string | null>> | Iterable<Record<string, string | null>>;

/** Writes `rows` to `out` (a file path or a stream) and returns how many data rows were written. */
export async function writeCsv(
  rows: ExportRows,
  columns: readonly ColumnSpec[],
  out: string | Writable,
): Promise<number> {
  let count = 0;
  async function* records() {
    for await (const row of rows) {
      count += 1;
      yield columns.map((column) => neutraliseCell(column, row[column.name]) ?? '');
    }
  }
  await pipeline(
    Readable.from(records()),
    stringify({
      header: true,
      columns: columns.map((c) => c.name),
      bom: true,
      record_delimiter: 'windows',
      // csv-stringify quotes a field holding the record delimiter (CRLF) but not a lone LF or CR.
      quoted_match: /[\r\n]/,
      eof: true,
    }),
    typeof out === 'string' ? createWriteStream(out) : out,
  );
  return count;
}
