// CSV rows as cell arrays, streamed (bounded memory for any file size). The delimiter — comma,
// semicolon or tab — is the one used most in the header line (outside quotes); comma on a tie.
// UTF-8 with or without BOM, UTF-16LE with BOM (Excel's "Unicode text"), CRLF or LF line ends.
// Quoted fields may hold delimiters, newlines and doubled quotes.
//
// Row numbers count records, not lines: a quoted value spanning two lines is one row, as a
// spreadsheet shows it; a blank line is a row (skipped later, but counted), as a spreadsheet shows it.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { AttainError } from '@attain/core/errors.ts';
import { parse } from 'csv-parse';

export interface RawRow {
  row: number;
  cells: string[];
}

const SAMPLE_BYTES = 64 * 1024;

export async function* readCsvRows(path: string): AsyncGenerator<RawRow> {
  const sample = await readSample(path);
  const encoding: BufferEncoding = sample[0] === 0xff && sample[1] === 0xfe ? 'utf16le' : 'utf8';
  const delimiter = detectDelimiter(sample.toString(encoding));
  const parser = createReadStream(path).pipe(
    parse({ bom: true, encoding, delimiter, relax_column_count: true, skip_empty_lines: false }),
  );
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row += 1;
      if (cells.some((cell) => cell.includes('\uFFFD'))) {
        throw new AttainError(
          'IMPORT_INVALID_ENCODING',
          `Row ${row} is not valid UTF-8; save the file as "CSV UTF-8" and import it again`,
          { row },
        );
      }
      yield { row, cells };
    }
  } catch (error) {
    if (error instanceof AttainError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new AttainError('IMPORT_MALFORMED_FILE', `${path} is not a readable CSV file after row ${row}: ${message}`, {
      path,
      row,
      cause: (error as { code?: string }).code,
    });
  } finally {
    parser.destroy();
  }
}

async function readSample(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The delimiter of the first line (a quoted header may itself span lines). */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char] += 1;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}
