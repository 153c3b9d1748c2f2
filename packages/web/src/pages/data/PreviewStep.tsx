// Step 4: the first rows as Attain will read them, and the dry run's counts and errors.
import { useMemo } from 'react';
import { Card } from '../../components/Card.tsx';
import { type DataColumn, DataTable } from '../../components/DataTable.tsx';
import { formatCount } from '../../components/format.ts';
import { ImportCounts, ImportIssuesTable } from './ImportIssues.tsx';
import type { Entity, Preview } from './types.ts';

type PreviewRow = Preview['rows'][number];

export function PreviewStep({ entity, preview }: { entity: Entity; preview: Preview }) {
  const columns = useMemo<DataColumn<PreviewRow>[]>(() => {
    const present = new Set(preview.rows.flatMap((row) => Object.keys(row.values)));
    const known = entity.columns.map((column) => column.name).filter((name) => present.has(name));
    const extra = [...present].filter((name) => !known.includes(name));
    const numeric = new Set(
      entity.columns
        .filter((column) => ['money', 'decimal', 'integer'].includes(column.kind))
        .map((column) => column.name),
    );
    return [
      { id: '#row', header: 'Row', value: (row) => row.row, numeric: true },
      ...[...known, ...extra].map<DataColumn<PreviewRow>>((name) => ({
        id: name,
        header: name,
        value: (row) => row.values[name] ?? null,
        numeric: numeric.has(name),
      })),
    ];
  }, [entity, preview.rows]);

  const { summary } = preview;
  return (
    <div className="preview-step">
      <div className={`dry-run ${summary.rejected > 0 ? 'dry-run--rejects' : 'dry-run--clean'}`}>
        <h3>Dry run: nothing has been written yet</h3>
        <ImportCounts summary={summary} testId="dry-run-counts" />
      </div>
      <Card
        title="The first rows after mapping"
        subtitle={`${formatCount(preview.rows.length)} of ${formatCount(summary.rows)} rows, in Attain’s columns`}
        className="card--flat"
      >
        <div className="preview-rows">
          <DataTable
            testId="preview-rows"
            columns={columns}
            rows={preview.rows}
            exportName={`${entity.name}-preview`}
            filterPlaceholder="Filter these rows"
            emptyMessage="The file has no data rows."
          />
        </div>
      </Card>
      <Card
        title={preview.issueCount === 0 ? 'No errors' : `${formatCount(preview.issueCount)} errors`}
        subtitle={
          preview.issueCount > preview.issues.length
            ? `The first ${formatCount(preview.issues.length)} of ${formatCount(preview.issueCount)}, by row and column`
            : 'By row and column; export them to fix the file in Excel'
        }
        className="card--flat"
      >
        <ImportIssuesTable
          testId="preview-issues"
          issues={preview.issues}
          total={preview.issueCount}
          exportName={`${entity.name}-import-errors`}
        />
      </Card>
    </div>
  );
}
