// A payee's statement for a pay period (GET /api/comp/statements/{person}/{period}): the lines —
// components, prior-period adjustments, manual adjustments with their reason — earned, paid, the
// draw balance and attainment, and an "Explain" per component down to each credit's tier slices.
// Reps land on their own latest approved statement and may dispute any of its lines.
import { useState } from 'react';
import type { Me } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Card } from '../../components/Card.tsx';
import { formatDate, formatMoney, formatRatio } from '../../components/format.ts';
import { KpiCard } from '../../components/KpiCard.tsx';
import { Link } from '../../components/Link.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/StatusViews.tsx';
import { navigate } from '../../router.ts';
import { ExplainComponent } from './ExplainComponent.tsx';
import { PeriodPicker } from './PeriodPicker.tsx';
import { RaiseDisputeDialog } from './RaiseDisputeDialog.tsx';
import { lastMonth, lineLabel, type RunResults, type RunSummary, type Statement, type StatementLine } from './types.ts';

const href = (person: string | null, period: string) =>
  `/comp/statements?${new URLSearchParams({ ...(person ? { person } : {}), period })}`;

export function StatementPage({ me, person, period }: { me: Me; person: string | null; period: string | null }) {
  const [runs] = useApi<{ rows: RunSummary[] }>('/api/comp/runs');
  if (runs.state === 'loading' && !period) return <Loading label="Finding the latest statement…" />;
  const rows = runs.state === 'ready' ? runs.value.rows.filter((r) => r.status !== 'superseded') : [];
  // Payees see approved and closed runs only; reviewers start from the latest run of any status.
  const shownPeriod = period ?? rows[0]?.period ?? lastMonth();
  const shownPerson = person ?? me.person?.externalId ?? null;
  const known = [...new Set(rows.map((r) => r.period))];

  return (
    <div className="comp-stack">
      <Card
        title="Statement"
        actions={
          <span className="statement-pickers">
            {me.role !== 'rep' && <PayeePicker period={shownPeriod} person={shownPerson} />}
            <PeriodPicker period={shownPeriod} known={known} onPeriod={(p) => navigate(href(person, p))} />
          </span>
        }
        testId="statement-picker"
      >
        {shownPerson ? (
          <StatementView key={`${shownPerson}/${shownPeriod}`} me={me} person={shownPerson} period={shownPeriod} />
        ) : (
          <EmptyState title="Pick a payee">
            <p>Choose whose statement to read, or open one from the results of a run.</p>
          </EmptyState>
        )}
      </Card>
    </div>
  );
}

/** The payees with a result in the period, for reviewers and managers. */
function PayeePicker({ period, person }: { period: string; person: string | null }) {
  const [results] = useApi<RunResults>(`/api/comp/runs/${encodeURIComponent(period)}/results`);
  const payees = results.state === 'ready' ? results.value.rows : [];
  return (
    <label className="field field--inline">
      <span>Payee</span>
      <select
        value={person ?? ''}
        onChange={(event) => navigate(href(event.target.value || null, period))}
        aria-label="Payee"
      >
        <option value="">{payees.length ? 'Choose a payee…' : 'No payees in this period'}</option>
        {person && !payees.some((p) => p.person === person) && <option value={person}>{person}</option>}
        {payees.map((p) => (
          <option key={p.person} value={p.person}>
            {p.name} ({p.person})
          </option>
        ))}
      </select>
    </label>
  );
}

function StatementView({ me, person, period }: { me: Me; person: string; period: string }) {
  const [statement, reload] = useApi<Statement>(
    `/api/comp/statements/${encodeURIComponent(person)}/${encodeURIComponent(period)}`,
  );
  const [disputing, setDisputing] = useState<string | null>(null);
  const [raised, setRaised] = useState<string | null>(null);

  if (statement.state === 'loading') return <Loading label="Loading the statement…" />;
  if (statement.state === 'error') {
    if (statement.error.status !== 404) return <ErrorState error={statement.error} onRetry={reload} />;
    return (
      <EmptyState title={`No statement for ${person === me.person?.externalId ? 'you' : person} in ${period}`}>
        <p>
          A statement appears once the period is run{me.role === 'rep' || me.role === 'manager' ? ' and approved' : ''}{' '}
          and the payee has a result in it. A payee on hold has none: see the holds of the{' '}
          <Link to={`/comp/runs?period=${encodeURIComponent(period)}`}>run</Link>.
        </p>
      </EmptyState>
    );
  }
  const s = statement.value;
  const money = (amount: string) => formatMoney(amount, s.currency);
  const mayDispute = me.person?.externalId === s.payee.externalId && s.status !== 'draft';
  const attainment = Object.entries(s.attainment);

  return (
    <div className="statement" data-testid="statement">
      <div className="statement__head">
        <div>
          <h2 className="statement__payee">
            {s.payee.name} <code>{s.payee.externalId}</code>
          </h2>
          <p className="muted">
            {s.period}: {formatDate(s.periodStart)} – {formatDate(s.periodEnd)} ·{' '}
            {s.plans.map((p) => `${p.planId} v${p.version}`).join(', ') || 'no plan'} · {s.currency}
          </p>
        </div>
        <span className={`pill pill--${s.status}`} data-testid="statement-status">
          {s.status}
        </span>
      </div>
      {raised && (
        <p className="notice notice--success" role="status" data-testid="dispute-raised">
          Your dispute is with Sales Ops. Follow it under <Link to={`/comp/disputes?id=${raised}`}>Disputes</Link>.
        </p>
      )}
      <div className="grid grid--kpis">
        <KpiCard label="Earned" value={money(s.earned)} testId="statement-earned" />
        <KpiCard label="Paid" value={money(s.paid)} testId="statement-paid" />
        <KpiCard
          label="Draw balance"
          value={money(s.drawBalance)}
          hint={s.drawBalance === '0.00' ? 'Nothing owed' : 'Owed back from future earnings'}
          testId="statement-draw"
        />
        <KpiCard
          label="Attainment"
          value={attainment.length ? formatRatio(attainment[0]![1]) : '—'}
          hint={attainment.map(([measure, value]) => `${measure} ${formatRatio(value)}`).join(' · ') || 'No quota'}
          testId="statement-attainment"
        />
      </div>

      <div className="data-table__scroll">
        <table className="statement__lines" data-testid="statement-lines">
          <thead>
            <tr>
              <th>Line</th>
              <th>Kind</th>
              <th>Details</th>
              <th className="numeric">Amount</th>
              {mayDispute && <th aria-label="Actions" />}
            </tr>
          </thead>
          <tbody>
            {s.lines.map((line) => (
              <tr key={line.line} data-testid="statement-line" data-kind={line.kind}>
                <td>
                  <strong>
                    {line.component ?? (line.kind === 'manual' ? 'Manual adjustment' : `Line ${line.line}`)}
                  </strong>
                </td>
                <td>
                  <span className={`pill pill--line-${line.kind}`}>{kindLabel(line)}</span>
                </td>
                <td className="statement__details">{details(line)}</td>
                <td className="numeric">{money(line.amount)}</td>
                {mayDispute && (
                  <td>
                    <span className="row-actions">
                      <button
                        type="button"
                        className="button button--ghost button--small"
                        onClick={() => setDisputing(lineLabel(line))}
                        aria-label={`Dispute this line: ${lineLabel(line)}`}
                      >
                        Dispute this line
                      </button>
                    </span>
                  </td>
                )}
              </tr>
            ))}
            {s.lines.length === 0 && (
              <tr>
                <td colSpan={mayDispute ? 5 : 4} className="data-table__empty">
                  Nothing earned in this period.
                </td>
              </tr>
            )}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={3}>Earned</th>
              <th className="numeric">{money(s.earned)}</th>
              {mayDispute && <th />}
            </tr>
            <tr>
              <th colSpan={3}>Paid (after the draw)</th>
              <th className="numeric">{money(s.paid)}</th>
              {mayDispute && <th />}
            </tr>
          </tfoot>
        </table>
      </div>

      <h3 className="statement__section">How each component was calculated</h3>
      {s.explain.length === 0 && <p className="muted">No component explanation in this run.</p>}
      {s.explain.map((e) => (
        <ExplainComponent key={`${e.planId}/${e.component}`} explanation={e} currency={s.currency} />
      ))}

      {disputing && (
        <RaiseDisputeDialog
          period={s.period}
          line={disputing}
          onClose={() => setDisputing(null)}
          onRaised={(thread) => {
            setDisputing(null);
            setRaised(thread.dispute.id);
          }}
        />
      )}
    </div>
  );
}

function kindLabel(line: StatementLine): string {
  if (line.kind === 'component') return 'component';
  if (line.kind === 'prior_period') return 'prior period';
  return 'manual';
}

function details(line: StatementLine) {
  if (line.kind === 'prior_period') {
    return <span>Correction of closed period {line.sourcePeriod} (what it earns now, less what was paid)</span>;
  }
  if (line.kind === 'manual') {
    return (
      <span className="cell-stack">
        <span>“{line.reason}”</span>
        <span className="muted">
          by {line.author}
          {line.approver ? `, approved by ${line.approver}` : ''}
        </span>
      </span>
    );
  }
  return <span className="muted">plan {line.planId}</span>;
}
