// What a dry run or an import found: the counts, and the rows it rejects with the reason for each.
import { type DataColumn, DataTable } from '../../components/DataTable.tsx';
import { formatCount } from '../../components/format.ts';
import type { ImportIssue, ImportSummary } from './types.ts';

export function ImportCounts({ summary, testId }: { summary: ImportSummary; testId: string }) {
  const counts = [
    { key: 'created', label: 'created', value: summary.created },
    { key: 'updated', label: 'updated', value: summary.updated },
    { key: 'unchanged', label: 'unchanged', value: summary.unchanged },
    { key: 'rejected', label: 'rejected', value: summary.rejected },
  ];
  return (
    <div className="import-counts" data-testid={testId}>
      <span className="import-counts__rows">
        {formatCount(summary.rows)} {summary.rows === 1 ? 'row' : 'rows'} in the file:
      </span>
      {counts.map((count, index) => (
        <span key={count.key} className={`import-count import-count--${count.key}`}>
          {index > 0 && <span className="import-counts__dot"> · </span>}
          <strong data-testid={`${testId}-${count.key}`}>{formatCount(count.value)}</strong> {count.label}
        </span>
      ))}
    </div>
  );
}

const columns: DataColumn<ImportIssue>[] = [
  { id: 'row', header: 'Row', value: (issue) => issue.row, numeric: true },
  { id: 'column', header: 'Column', value: (issue) => issue.column, render: (issue) => <code>{issue.column}</code> },
  {
    id: 'value',
    header: 'Value',
    value: (issue) => issue.value,
    render: (issue) =>
      issue.value === null || issue.value === '' ? <span className="muted">(blank)</span> : <q>{issue.value}</q>,
  },
  {
    id: 'message',
    header: 'What is wrong',
    value: (issue) => issue.message,
    render: (issue) => (
      <span className="cell-stack">
        <span>{issue.message}</span>
        <code>{issue.code}</code>
      </span>
    ),
  },
  { id: 'code', header: 'Code', value: (issue) => issue.code, exportOnly: true },
];

/** The issues listed (the server sends the first 100) and how many there are in all. */
export function ImportIssuesTable({
  issues,
  total,
  exportName,
  testId,
}: {
  issues: ImportIssue[];
  total: number;
  exportName: string;
  testId: string;
}) {
  return (
    <DataTable
      testId={testId}
      columns={columns}
      rows={issues}
      exportName={exportName}
      filterPlaceholder="Filter errors"
      rowCountNote={total > issues.length ? `listed · ${formatCount(total)} errors in all` : undefined}
      emptyMessage="No errors: every row is valid."
    />
  );
}
