// One file record -> the canonical columns' raw text, per DESIGN §4, in this order: the column's
// source (a file column, or several file columns joined with "|" for `derive`), then
// `values.<column>` (exact match on the trimmed text; unmapped values pass through unchanged),
// then `defaults.<column>` when the result is blank. Parsing by kind happens after (parse-value.ts).

import type { Mapping } from './mapping-schema.ts';
import type { ColumnSource } from './match-headers.ts';

export interface MappedValue {
  /** the trimmed text after values and defaults; null when blank */
  raw: string | null;
  /** what an error message calls the column: the file column, "Closed|Won", or the canonical name */
  column: string;
}

export interface RecordMapper {
  readonly columns: readonly {
    canonical: string;
    source: ColumnSource;
    label: string;
    values?: ReadonlyMap<string, string>;
    fallback?: string;
  }[];
}

export function compileMapping(sources: Record<string, ColumnSource>, mapping?: Mapping): RecordMapper {
  const columns = Object.entries(sources).map(([canonical, source]) => {
    const valueMap = mapping?.values?.[canonical];
    return {
      canonical,
      source,
      label:
        source.kind === 'column' ? source.header : source.kind === 'derived' ? source.headers.join('|') : canonical,
      values: valueMap ? new Map(Object.entries(valueMap).map(([from, to]) => [from.trim(), to])) : undefined,
      fallback: mapping?.defaults?.[canonical],
    };
  });
  return { columns };
}

/** Canonical column -> its raw value; only the columns that have a source appear. */
export function applyMapping(
  record: Readonly<Record<string, string>>,
  mapper: RecordMapper,
): Record<string, MappedValue> {
  const mapped: Record<string, MappedValue> = {};
  for (const column of mapper.columns) {
    let text: string;
    if (column.source.kind === 'column') text = (record[column.source.header] ?? '').trim();
    else if (column.source.kind === 'derived') {
      // All sources blank is a blank value (so a default applies), not "|".
      const parts = column.source.headers.map((h) => (record[h] ?? '').trim());
      text = parts.every((p) => p === '') ? '' : parts.join('|');
    } else text = '';
    if (column.source.kind !== 'default') text = (column.values?.get(text) ?? text).trim();
    if (text === '' && column.fallback !== undefined) text = column.fallback.trim();
    mapped[column.canonical] = { raw: text === '' ? null : text, column: column.label };
  }
  return mapped;
}
