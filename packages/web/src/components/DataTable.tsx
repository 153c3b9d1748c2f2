// The table every list in Attain uses: click a header to sort, type to filter, export what you see.
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { type ReactNode, useMemo, useState } from 'react';
import { downloadCsv, toCsv } from './csv.ts';
import { formatCount } from './format.ts';
import { DownloadIcon, SearchIcon, SortIcon } from './icons.tsx';

export interface DataColumn<T> {
  id: string;
  header: string;
  /** The raw value: what sorting, filtering and the CSV use (money stays a decimal string). */
  value: (row: T) => string | number | null;
  /** What the cell shows, when it differs from the raw value. */
  render?: (row: T) => ReactNode;
  /** Numbers sort numerically, sort largest first, and align right. */
  numeric?: boolean;
  /** In the CSV export only, not on screen (an ID already shown elsewhere, say). */
  exportOnly?: boolean;
}

interface DataTableProps<T> {
  columns: DataColumn<T>[];
  rows: T[];
  /** File name of the CSV export, without extension. */
  exportName: string;
  filterPlaceholder?: string;
  initialSort?: SortingState;
  emptyMessage?: string;
  /** Extra controls in the toolbar (status filters, paging). */
  toolbar?: ReactNode;
  footer?: ReactNode;
  /** Says what the row count counts, e.g. "on this page". */
  rowCountNote?: string;
  testId?: string;
}

export function DataTable<T>(props: DataTableProps<T>) {
  const { columns, rows, exportName, initialSort = [], emptyMessage = 'No rows.', testId } = props;
  const [sorting, setSorting] = useState<SortingState>(initialSort);
  const [filter, setFilter] = useState('');
  const columnVisibility = useMemo(
    () => Object.fromEntries(columns.filter((column) => column.exportOnly).map((column) => [column.id, false])),
    [columns],
  );

  const definitions = useMemo<ColumnDef<T>[]>(
    () =>
      columns.map((column) => ({
        id: column.id,
        header: column.header,
        accessorFn: (row: T) => column.value(row) ?? '',
        cell: (context) => (column.render ? column.render(context.row.original) : String(context.getValue() ?? '')),
        sortDescFirst: Boolean(column.numeric),
        sortingFn: column.numeric
          ? (a, b, id) => Number(a.getValue(id) || 0) - Number(b.getValue(id) || 0)
          : (a, b, id) => String(a.getValue(id)).localeCompare(String(b.getValue(id)), undefined, { numeric: true }),
      })),
    [columns],
  );

  const table = useReactTable({
    data: rows,
    columns: definitions,
    state: { sorting, globalFilter: filter, columnVisibility },
    onSortingChange: setSorting,
    onGlobalFilterChange: setFilter,
    globalFilterFn: 'includesString',
    getColumnCanGlobalFilter: () => true,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });

  const visible = table.getRowModel().rows;
  const numericIds = new Set(columns.filter((column) => column.numeric).map((column) => column.id));

  function exportCsv() {
    const csv = toCsv(
      columns.map((column) => column.header),
      visible.map((row) => columns.map((column) => column.value(row.original))),
    );
    downloadCsv(`${exportName}.csv`, csv);
  }

  const count =
    visible.length === rows.length
      ? `${formatCount(rows.length)} ${rows.length === 1 ? 'row' : 'rows'}`
      : `${formatCount(visible.length)} of ${formatCount(rows.length)} rows`;

  return (
    <div className="data-table" data-testid={testId}>
      <div className="data-table__toolbar">
        <label className="search-box">
          <SearchIcon />
          <input
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            placeholder={props.filterPlaceholder ?? 'Filter rows'}
            aria-label="Filter rows"
          />
        </label>
        {props.toolbar}
        <span className="data-table__count" data-testid={testId && `${testId}-count`}>
          {count}
          {props.rowCountNote && ` ${props.rowCountNote}`}
        </span>
        <button type="button" className="button button--secondary" onClick={exportCsv} disabled={visible.length === 0}>
          <DownloadIcon /> Export CSV
        </button>
      </div>
      <div className="data-table__scroll">
        <table>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const direction = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      className={numericIds.has(header.column.id) ? 'numeric' : undefined}
                      aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}
                    >
                      <button type="button" onClick={header.column.getToggleSortingHandler()}>
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <SortIcon direction={direction} />
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {visible.map((row) => (
              <tr key={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={numericIds.has(cell.column.id) ? 'numeric' : undefined}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
            {visible.length === 0 && (
              <tr>
                <td className="data-table__empty" colSpan={table.getVisibleLeafColumns().length}>
                  {rows.length === 0 ? emptyMessage : 'No rows match the filter.'}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {props.footer}
    </div>
  );
}
