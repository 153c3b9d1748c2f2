// A pay period's compensation run: run it (it takes seconds: a progress bar says so), review the
// results per payee, the holds with their codes and what changed since the run it superseded, then
// approve and close with a confirmation. Reviewers see drafts; managers and reps see approved and
// closed results of the payees they may see (the server decides, DESIGN §9).
import { useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Card } from '../../components/Card.tsx';
import { formatCount, formatMoney } from '../../components/format.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/StatusViews.tsx';
import { navigate } from '../../router.ts';
import { AdjustmentsCard } from './AdjustmentsCard.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { PeriodPicker } from './PeriodPicker.tsx';
import { RunDiffCard } from './RunDiffCard.tsx';
import { RunHeader } from './RunHeader.tsx';
import { HoldsTable, RunHistory, RunResultsTable } from './RunResultsTable.tsx';
import { lastMonth, type RunResult, type RunResults, type RunSummary } from './types.ts';

const REVIEWERS = ['admin', 'ops', 'finance'];
const OPERATORS = ['admin', 'ops'];

export function RunsPage({ me, period: asked }: { me: Me; period: string | null }) {
  const [runs, reloadRuns] = useApi<{ rows: RunSummary[] }>('/api/comp/runs');
  if (runs.state === 'loading' && !asked) return <Loading label="Loading compensation runs…" />;
  const rows = runs.state === 'ready' ? runs.value.rows : [];
  const period = asked ?? rows.find((r) => r.status !== 'superseded')?.period ?? lastMonth();
  const known = [...new Set(rows.map((r) => r.period))].sort().reverse();
  return (
    <PeriodRun
      key={period}
      me={me}
      period={period}
      known={known}
      history={rows.filter((r) => r.period === period)}
      onChanged={reloadRuns}
    />
  );
}

type Pending = { kind: 'approve' } | { kind: 'close' } | { kind: 'rerun' } | null;

function PeriodRun({
  me,
  period,
  known,
  history,
  onChanged,
}: {
  me: Me;
  period: string;
  known: string[];
  history: RunSummary[];
  onChanged: () => void;
}) {
  const reviewer = REVIEWERS.includes(me.role);
  const operator = OPERATORS.includes(me.role);
  const path = `/api/comp/runs/${encodeURIComponent(period)}`;
  const [results, reload] = useApi<RunResults>(`${path}/results`);
  const [full, setFull] = useState(false);
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [diffVersion, setDiffVersion] = useState(0);

  const run = results.state === 'ready' ? results.value.run : null;
  const missing = results.state === 'error' && results.error.status === 404;

  async function runPeriod() {
    setPending(null);
    setRunning(true);
    setRunError(null);
    setNotice(null);
    try {
      const result = await api<RunResult>('/api/comp/runs', { method: 'POST', body: { period, full } });
      setNotice(
        `Ran ${result.period}: ${formatCount(result.payees)} payees (${formatCount(result.recomputed)} recomputed, ${formatCount(
          result.unchanged,
        )} unchanged), ${formatCount(result.held)} held; ${formatCount(result.crediting.transactions)} transactions credited${
          result.crediting.uncredited ? `, ${formatCount(result.crediting.uncredited)} could not be credited` : ''
        }.`,
      );
      refresh();
    } catch (cause) {
      setRunError(cause instanceof ApiError ? cause : new ApiError(0, 'UNEXPECTED', 'The run failed. Try again.'));
    } finally {
      setRunning(false);
    }
  }

  function refresh() {
    reload();
    onChanged();
    setDiffVersion((v) => v + 1);
  }

  async function decide(action: 'approve' | 'close') {
    const decision = await api<{ status: string; by: string }>(`${path}/${action}`, { method: 'POST' });
    setPending(null);
    setNotice(`${period} is ${decision.status} by ${decision.by}.`);
    refresh();
  }

  const runButton = operator && run?.status !== 'closed' && (
    <span className="run-controls">
      <label className="checkbox">
        <input type="checkbox" checked={full} onChange={(event) => setFull(event.target.checked)} /> Recompute everyone
      </label>
      <button
        type="button"
        className={`button ${run ? 'button--secondary' : 'button--primary'}`}
        disabled={running}
        onClick={() => (run?.status === 'approved' ? setPending({ kind: 'rerun' }) : runPeriod())}
      >
        {run ? `Run ${period} again` : `Run ${period}`}
      </button>
    </span>
  );

  return (
    <div className="comp-stack">
      <Card
        title={`Pay period ${period}`}
        subtitle={run ? `${run.start} – ${run.end}` : undefined}
        actions={
          <PeriodPicker
            period={period}
            known={known}
            onPeriod={(p) => navigate(`/comp/runs?period=${encodeURIComponent(p)}`)}
          />
        }
        testId="run-card"
      >
        {notice && (
          <p className="notice notice--success" role="status" data-testid="run-notice">
            {notice}
          </p>
        )}
        {running && (
          <ProgressBar label={`Running ${period}: crediting and computing every payee…`} testId="run-progress" />
        )}
        {runError && (
          <p className="form-error" role="alert">
            {runError.message} <code className="error-code">{runError.code}</code>
          </p>
        )}
        {results.state === 'loading' && <Loading label={`Loading ${period}…`} />}
        {results.state === 'error' && !missing && <ErrorState error={results.error} onRetry={reload} />}
        {missing && !running && (
          <EmptyState title={`No run for ${period} yet`}>
            {operator ? (
              <p>Run it to credit the period’s transactions and compute every payee’s draft result.</p>
            ) : reviewer ? (
              <p>Sales Ops has not run this period yet.</p>
            ) : (
              <p>Payouts for {period} appear here once Sales Ops has run and approved them.</p>
            )}
            {runButton}
          </EmptyState>
        )}
        {run && (
          <RunHeader
            run={run}
            actions={
              <>
                {runButton}
                {reviewer && run.status === 'draft' && (
                  <button
                    type="button"
                    className="button button--primary"
                    onClick={() => setPending({ kind: 'approve' })}
                  >
                    Approve {period}
                  </button>
                )}
                {reviewer && run.status === 'approved' && (
                  <button type="button" className="button button--danger" onClick={() => setPending({ kind: 'close' })}>
                    Close {period}
                  </button>
                )}
              </>
            }
          />
        )}
      </Card>

      {results.state === 'ready' && (
        <>
          <Card
            title="Results"
            subtitle="One row per payee: earned from the plan lines, paid after the draw"
            testId="results-card"
          >
            <RunResultsTable rows={results.value.rows} period={period} />
          </Card>
          {(reviewer || results.value.holds.length > 0) && (
            <Card
              title={`Holds (${formatCount(results.value.holds.length)})`}
              subtitle="Payees the run could not pay without guessing: fix the data named, then run again"
              testId="holds-card"
            >
              <HoldsTable holds={results.value.holds} period={period} />
            </Card>
          )}
          {reviewer && <RunDiffCard key={diffVersion} period={period} />}
          {reviewer && history.length > 0 && (
            <Card
              title="Runs of this period"
              subtitle="Every run is kept: a new one supersedes the last"
              testId="run-history"
            >
              <RunHistory runs={history} />
            </Card>
          )}
        </>
      )}

      {reviewer && (run || missing) && (
        <AdjustmentsCard key={diffVersion} me={me} period={period} closed={run?.status === 'closed'} />
      )}

      {pending?.kind === 'approve' && run && (
        <ConfirmDialog
          title={`Approve ${period}`}
          action="Approve"
          onConfirm={() => decide('approve')}
          onClose={() => setPending(null)}
        >
          <p>
            Approving makes this run the one to pay: {formatCount(run.payees)} payees,{' '}
            {run.totals.map((t) => formatMoney(t.paid, t.currency)).join(' + ') || 'nothing'} paid.
            {run.held > 0 && ` ${formatCount(run.held)} held payees get nothing until a later run.`} Payees see their
            statements from now on.
          </p>
        </ConfirmDialog>
      )}
      {pending?.kind === 'close' && run && (
        <ConfirmDialog
          title={`Close ${period}`}
          action="Close the period"
          danger
          onConfirm={() => decide('close')}
          onClose={() => setPending(null)}
        >
          <p>
            Closing locks {period} for good: its results never change again, and anything that changes it later is paid
            as a prior-period adjustment in the first open period. No territory move can take effect inside it.
          </p>
        </ConfirmDialog>
      )}
      {pending?.kind === 'rerun' && (
        <ConfirmDialog
          title={`Run ${period} again`}
          action="Run again"
          onConfirm={runPeriod}
          onClose={() => setPending(null)}
        >
          <p>{period} is approved. A new run supersedes it as a draft: it has to be approved again.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
