// The facts of a run at a glance — status, payees, held, paid, who ran, approved and closed it and
// when — beside the actions the viewer may take on it.
import type { ReactNode } from 'react';
import { formatCount, formatMoney } from '../../components/format.ts';
import { formatTime, type RunSummary } from './types.ts';

export function RunHeader({ run, actions }: { run: RunSummary; actions: ReactNode }) {
  const paid = run.totals.map((t) => formatMoney(t.paid, t.currency)).join(' + ') || '—';
  return (
    <div className="run-header" data-testid="run-header">
      <dl className="run-facts">
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`pill pill--${run.status}`} data-testid="run-status">
              {run.status}
            </span>
          </dd>
        </div>
        <div>
          <dt>Payees</dt>
          <dd data-testid="run-payees">{formatCount(run.payees)}</dd>
        </div>
        <div>
          <dt>Held</dt>
          <dd className={run.held > 0 ? 'run-facts__warning' : undefined}>{formatCount(run.held)}</dd>
        </div>
        <div>
          <dt>Paid</dt>
          <dd data-testid="run-paid">{paid}</dd>
        </div>
        <div>
          <dt>Run</dt>
          <dd>
            {run.runBy} · {formatTime(run.finishedAt ?? run.startedAt)}
            <span className="muted">
              {' '}
              ({run.mode}
              {run.recomputed ? `, ${formatCount(run.recomputed)} recomputed` : ''})
            </span>
          </dd>
        </div>
        {run.approvedBy && (
          <div>
            <dt>Approved</dt>
            <dd>
              {run.approvedBy} · {formatTime(run.approvedAt)}
            </dd>
          </div>
        )}
        {run.closedBy && (
          <div>
            <dt>Closed</dt>
            <dd>
              {run.closedBy} · {formatTime(run.closedAt)}
            </dd>
          </div>
        )}
      </dl>
      <div className="run-actions">{actions}</div>
    </div>
  );
}
