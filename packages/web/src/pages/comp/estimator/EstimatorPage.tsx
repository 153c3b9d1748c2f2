// "If I close this deal" (docs/compensation.md "Plan editor and estimator"): pick one of your open
// deals or type an amount and a close date; see earnings with and without it per pay period,
// attainment before and after, and the tier the deal lands in (POST /api/comp/estimate).
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../../api/client.ts';
import type { Me, OpportunityPage } from '../../../api/types.ts';
import { useApi } from '../../../api/useApi.ts';
import { Card } from '../../../components/Card.tsx';
import { formatMoney } from '../../../components/format.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { EmptyState, Loading } from '../../../components/StatusViews.tsx';
import { EARNINGS_COLORS, EarningsChart } from '../plans/EarningsChart.tsx';
import type { Estimate, Landing } from '../plans/types.ts';
import '../plans/plans.css';

const percent = (value: string | undefined) => (value === undefined ? '—' : `${(Number(value) * 100).toFixed(1)}%`);

export function EstimatorPage({ me }: { me: Me }) {
  // Finance sees payouts, not the pipeline (403): no deals to pick, typing still works.
  const [deals] = useApi<OpportunityPage>('/api/opportunities?status=open&limit=500');
  const [opportunity, setOpportunity] = useState('');
  const [amount, setAmount] = useState('');
  const [closeDate, setCloseDate] = useState('');
  const [person, setPerson] = useState(me.person?.externalId ?? '');
  const [estimate, setEstimate] = useState<
    { state: 'idle' | 'loading' } | { state: 'ready'; value: Estimate } | { state: 'error'; error: ApiError }
  >({ state: 'idle' });

  const open = deals.state === 'ready' && Array.isArray(deals.value.rows) ? deals.value.rows : [];
  const mine = me.person ? open.filter((o) => o.owner === me.person?.name) : open;
  const choices = mine.length > 0 ? mine : open;

  useEffect(() => {
    const picked = open.find((o) => o.externalId === opportunity);
    if (picked) {
      setAmount(picked.amount);
      setCloseDate(picked.closeDate);
    }
  }, [opportunity, open]);

  async function run(event: React.FormEvent) {
    event.preventDefault();
    setEstimate({ state: 'loading' });
    const picked = open.find((o) => o.externalId === opportunity);
    const deal = picked
      ? {
          opportunity,
          ...(amount !== picked.amount ? { amount } : {}),
          ...(closeDate !== picked.closeDate ? { closeDate } : {}),
        }
      : { amount, closeDate };
    try {
      const value = await api<Estimate>('/api/comp/estimate', {
        method: 'POST',
        body: { ...(person && person !== me.person?.externalId ? { person } : {}), deals: [deal] },
      });
      setEstimate({ state: 'ready', value });
    } catch (error) {
      setEstimate({
        state: 'error',
        error: error instanceof ApiError ? error : new ApiError(0, 'UNEXPECTED', 'The estimate failed.'),
      });
    }
  }

  const ready = amount.trim() !== '' && closeDate !== '' && (person !== '' || me.person !== null);

  return (
    <div data-testid="estimator-page">
      <PageHeader title="What if I close this deal?" summary="Your plan, your credits so far, and one more deal." />
      <div className="estimator-layout">
        <Card title="The deal">
          <form className="estimator-form" onSubmit={run}>
            {me.role !== 'rep' && (
              <label>
                Payee (external id)
                <input
                  aria-label="Payee"
                  value={person}
                  placeholder="e.g. P-0042"
                  onChange={(e) => setPerson(e.target.value.trim())}
                />
              </label>
            )}
            {me.role !== 'finance' && (
              <label>
                One of your open deals
                <select aria-label="Open deal" value={opportunity} onChange={(e) => setOpportunity(e.target.value)}>
                  <option value="">— type one instead —</option>
                  {choices.map((o) => (
                    <option key={o.externalId} value={o.externalId}>
                      {o.name ?? o.externalId} · {formatMoney(o.amount ?? '0', o.currency, 0)} · {o.closeDate}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {deals.state === 'loading' && me.role !== 'finance' && <Loading label="Loading your deals…" />}
            <div className="estimator-or">or</div>
            <label>
              Amount
              <input
                aria-label="Amount"
                inputMode="decimal"
                value={amount}
                onChange={(e) => setAmount(e.target.value.replace(/[^\d.-]/g, ''))}
              />
            </label>
            <label>
              Close date
              <input
                aria-label="Close date"
                type="date"
                value={closeDate}
                onChange={(e) => setCloseDate(e.target.value)}
              />
            </label>
            <button type="submit" className="button button--primary" disabled={!ready}>
              Estimate
            </button>
          </form>
        </Card>

        <Card title="Your earnings" subtitle="Earned per pay period, without and with the deal">
          {estimate.state === 'idle' && (
            <EmptyState title="Pick a deal">Choose an open deal or type an amount and a close date.</EmptyState>
          )}
          {estimate.state === 'loading' && <Loading label="Running your plan…" />}
          {estimate.state === 'error' && (
            <div className="status-view status-view--error" role="alert">
              <strong>No estimate.</strong>
              <span>{estimate.error.message}</span>
              <code className="error-code">{estimate.error.code}</code>
            </div>
          )}
          {estimate.state === 'ready' && <EstimateView estimate={estimate.value} />}
        </Card>
      </div>
    </div>
  );
}

function EstimateView({ estimate }: { estimate: Estimate }) {
  const { currency } = estimate;
  const measure = Object.keys(estimate.attainment.after)[0];
  const lands = estimate.deals.flatMap((d) => d.lands);
  const changed = estimate.periods.filter((p) => p.difference !== '0.00');
  return (
    <div data-testid="estimate">
      <div className="estimator-headline">
        <div>
          <div className="kpi__label">The deal adds</div>
          <div className="kpi__value" data-testid="estimate-difference">
            {formatMoney(estimate.total.difference, currency)}
          </div>
        </div>
        <div>
          <div className="kpi__label">{estimate.quotaPeriod.period} earnings</div>
          <div className="kpi__value">
            {formatMoney(estimate.total.before, currency, 0)} → {formatMoney(estimate.total.after, currency, 0)}
          </div>
        </div>
        {measure && (
          <div>
            <div className="kpi__label">Attainment ({measure})</div>
            <div className="kpi__value" data-testid="estimate-attainment">
              {percent(estimate.attainment.before[measure])} → {percent(estimate.attainment.after[measure])}
            </div>
          </div>
        )}
      </div>
      <p className="muted">
        {estimate.person.name} on {estimate.plan.name} (v{estimate.plan.version}), {estimate.quotaPeriod.start} –{' '}
        {estimate.quotaPeriod.end}.
      </p>
      {lands.length > 0 && (
        <ul className="estimator-landing" data-testid="estimate-tier">
          {lands.map((l) => (
            <li key={`${l.component}:${l.tier}:${l.atLeast}:${l.earned}`}>{describe(l, currency)}</li>
          ))}
        </ul>
      )}
      <EarningsChart
        periods={estimate.periods.map((p) => p.period)}
        series={[
          { name: 'Without the deal', values: estimate.periods.map((p) => p.before), color: EARNINGS_COLORS.before },
          { name: 'With the deal', values: estimate.periods.map((p) => p.after), color: EARNINGS_COLORS.after },
        ]}
        currency={currency}
        label="Earnings without and with the deal"
      />
      <div className="plan-table-scroll">
        <table className="plan-table" data-testid="estimate-periods">
          <thead>
            <tr>
              <th>Period</th>
              <th className="numeric">Without</th>
              <th className="numeric">With</th>
              <th className="numeric">Difference</th>
            </tr>
          </thead>
          <tbody>
            {(changed.length > 0 ? changed : estimate.periods).map((p) => (
              <tr key={p.period}>
                <td>{p.period}</td>
                <td className="numeric">{formatMoney(p.before, currency)}</td>
                <td className="numeric">{formatMoney(p.after, currency)}</td>
                <td className={p.difference.startsWith('-') ? 'numeric' : 'numeric difference--up'}>
                  {formatMoney(p.difference, currency)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td>{estimate.quotaPeriod.period}</td>
              <td className="numeric">{formatMoney(estimate.total.before, currency)}</td>
              <td className="numeric">{formatMoney(estimate.total.after, currency)}</td>
              <td className="numeric">{formatMoney(estimate.total.difference, currency)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}

function describe(landing: Landing, currency: string): string {
  if (landing.atLeast !== undefined) return `${landing.component}: reaches the ${percent(landing.atLeast)} step`;
  const money = formatMoney(landing.earned, currency);
  if (landing.tier === undefined) return `${landing.component}: ${money}`;
  return `${landing.component}: lands in tier ${landing.tier} at a rate of ${percent(landing.rate)} — ${money}`;
}
