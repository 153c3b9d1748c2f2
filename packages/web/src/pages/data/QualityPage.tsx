// Data quality: the named rules with their counts, errors first, and one rule's issues, each
// linked to its record (issue 3).
import { useMemo } from 'react';
import { useApi } from '../../api/useApi.ts';
import { Card } from '../../components/Card.tsx';
import { type DataColumn, DataTable } from '../../components/DataTable.tsx';
import { formatCount, formatDate } from '../../components/format.ts';
import { Link } from '../../components/Link.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/StatusViews.tsx';
import { QualityChart } from './QualityChart.tsx';
import { type QualityAnswer, type QualityIssue, type QualityRule, recordPath } from './types.ts';

export function QualityPage({ rule }: { rule: string | null }) {
  const [quality, reload] = useApi<QualityAnswer>('/api/quality');
  const rules = useMemo(
    () =>
      quality.state === 'ready'
        ? [...quality.value.rules].sort(
            (a, b) =>
              Number(b.severity === 'error') - Number(a.severity === 'error') ||
              b.count - a.count ||
              a.rule.localeCompare(b.rule),
          )
        : [],
    [quality],
  );

  if (quality.state === 'loading') return <Loading label="Running the data-quality rules…" />;
  if (quality.state === 'error') return <ErrorState error={quality.error} onRetry={reload} />;

  const selected = rules.find((candidate) => candidate.rule === rule);
  const total = rules.reduce((sum, candidate) => sum + candidate.count, 0);
  return (
    <>
      <div className="grid grid--charts">
        <Card
          title="Rules"
          subtitle={`Checked as of ${formatDate(quality.value.asOf)} · ${formatCount(total)} issues · errors first`}
          testId="quality-rules-card"
        >
          <QualityRulesTable rules={rules} selected={rule} />
        </Card>
        <Card title="Issues by rule" subtitle="Errors in red, warnings in amber" testId="quality-chart">
          {total === 0 ? (
            <EmptyState title="No issues">Every rule passes.</EmptyState>
          ) : (
            <QualityChart rules={rules.filter((candidate) => candidate.count > 0)} />
          )}
        </Card>
      </div>
      {rule && <RuleIssues rule={rule} info={selected} />}
    </>
  );
}

function QualityRulesTable({ rules, selected }: { rules: QualityRule[]; selected: string | null }) {
  const columns = useMemo<DataColumn<QualityRule>[]>(
    () => [
      {
        id: 'rule',
        header: 'Rule',
        value: (row) => row.rule,
        render: (row) => (
          <span className="cell-stack">
            <Link to={`/data/quality?rule=${encodeURIComponent(row.rule)}`} current={row.rule === selected}>
              {row.rule}
            </Link>
            <span className="muted">{row.description}</span>
          </span>
        ),
      },
      {
        id: 'severity',
        header: 'Severity',
        value: (row) => row.severity,
        render: (row) => <span className={`pill pill--${row.severity}`}>{row.severity}</span>,
      },
      {
        id: 'count',
        header: 'Issues',
        value: (row) => row.count,
        render: (row) => formatCount(row.count),
        numeric: true,
      },
      { id: 'description', header: 'Description', value: (row) => row.description, exportOnly: true },
    ],
    [selected],
  );
  return (
    <DataTable
      testId="quality-rules"
      columns={columns}
      rows={rules}
      exportName="data-quality-rules"
      filterPlaceholder="Filter rules"
      emptyMessage="No rules are defined."
    />
  );
}

const issueColumns: DataColumn<QualityIssue>[] = [
  { id: 'entity', header: 'Entity', value: (row) => row.entity },
  {
    id: 'id',
    header: 'ID',
    value: (row) => row.id,
    render: (row) => (
      <Link to={recordPath(row.entity, row.id)} className="record-link">
        {row.id}
      </Link>
    ),
  },
  { id: 'message', header: 'Issue', value: (row) => row.message },
  { id: 'rule', header: 'Rule', value: (row) => row.rule, exportOnly: true },
  { id: 'severity', header: 'Severity', value: (row) => row.severity, exportOnly: true },
];

function RuleIssues({ rule, info }: { rule: string; info: QualityRule | undefined }) {
  const [answer, reload] = useApi<{ issues: QualityIssue[] }>(`/api/quality/issues?rule=${encodeURIComponent(rule)}`);
  return (
    <Card
      title={info ? `${rule} · ${formatCount(info.count)} ${info.count === 1 ? 'issue' : 'issues'}` : rule}
      subtitle={info?.description ?? 'Issues of this rule'}
      testId="quality-issues-card"
      actions={
        <Link to="/data/quality" className="button button--ghost">
          Close
        </Link>
      }
    >
      {answer.state === 'loading' && <Loading label="Loading the issues…" />}
      {answer.state === 'error' && <ErrorState error={answer.error} onRetry={reload} />}
      {answer.state === 'ready' && (
        <DataTable
          testId="quality-issues"
          columns={issueColumns}
          rows={answer.value.issues}
          exportName={`data-quality-${rule}`}
          filterPlaceholder="Filter issues"
          emptyMessage="This rule finds nothing."
        />
      )}
    </Card>
  );
}
