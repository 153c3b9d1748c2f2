// The forecast page (issue 6, docs/forecasting.md): the calls grid, each model's expected won
// amount for the current quarter with its P10–P90 band, the gap to quota, and the accuracy of the
// models and the submitted calls in backtests at this week of past quarters. Everything is for the
// viewer's own deals (a manager: the team), as the server decides.
import type { Me } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { areaFor } from '../../areas.tsx';
import { Card } from '../../components/Card.tsx';
import { formatMoney } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/StatusViews.tsx';
import { AccuracyChart } from './AccuracyChart.tsx';
import { CallsGrid } from './calls/CallsGrid.tsx';
import { ForecastBands } from './ForecastBands.tsx';
import type { Backtest, ForecastRun, PeriodQuota } from './forecast-types.ts';
import './forecast.css';

export function ForecastPage({ me }: { me: Me }) {
  // The time series is fitted on won amounts here (the server's choice), so every bar forecasts the same thing.
  const [models] = useApi<{ runs: ForecastRun[] }>('/api/forecast/runs');
  const runs = models.state === 'ready' ? models.value.runs : [];
  const period = runs[0]?.period;
  const [quota] = useApi<PeriodQuota>(`/api/forecast/quota?period=${encodeURIComponent(period ?? '')}`);
  const [accuracy] = useApi<{ backtests: Backtest[] }>('/api/forecast/accuracy');
  const backtests = accuracy.state === 'ready' ? accuracy.value.backtests : [];
  const ensemble = runs.find((r) => r.method === 'ensemble');
  const currency = runs[0]?.currency ?? 'USD';
  const quotaAmount = quota.state === 'ready' && period ? quota.value.quota : null;
  const gapAmount = quotaAmount === null || !ensemble ? undefined : gap(quotaAmount, ensemble.expected);

  return (
    <>
      <PageHeader title="Forecast" summary={areaFor('/forecast')?.summary} />
      <Card
        title="Forecast calls"
        subtitle="Commit, best case and pipeline by person, with the team roll-ups"
        testId="forecast-calls"
      >
        <CallsGrid me={me} />
      </Card>
      <Card
        title={period ? `Models for ${period}` : 'Models'}
        subtitle={runs[0] ? `Expected won amount as of ${runs[0].asOf}, ${currency}; bands are P10–P90` : undefined}
        testId="forecast-models"
      >
        {models.state === 'error' && <ErrorState error={models.error} />}
        {models.state === 'loading' && <Loading label="Running the forecast models…" />}
        {runs[0] && (
          <>
            <dl className="forecast-gap" data-testid="forecast-gap">
              <div>
                <dt>Won to date</dt>
                <dd>{formatMoney(runs[0]!.wonToDate, currency, 0)}</dd>
              </div>
              <div>
                <dt>Open pipeline</dt>
                <dd>{formatMoney(runs[0]!.openPipeline, currency, 0)}</dd>
              </div>
              <div>
                <dt>Expected (ensemble)</dt>
                <dd>{ensemble ? formatMoney(ensemble.expected, currency, 0) : '—'}</dd>
              </div>
              <div>
                <dt>Quota</dt>
                <dd>{quotaAmount === null ? '—' : formatMoney(quotaAmount, currency, 0)}</dd>
              </div>
              <div>
                <dt>{gapAmount?.startsWith('-') ? 'Ahead of quota by' : 'Gap to quota'}</dt>
                <dd data-testid="forecast-gap-amount">
                  {gapAmount === undefined ? '—' : formatMoney(gapAmount.replace('-', ''), currency, 0)}
                </dd>
              </div>
            </dl>
            <ForecastBands runs={runs} quota={quotaAmount} />
          </>
        )}
      </Card>
      <Card
        title="Accuracy"
        subtitle={
          backtests[0]
            ? `Error (forecast − actual) ÷ actual of each past quarter, forecast as of its week ${backtests[0].week}`
            : undefined
        }
        testId="forecast-accuracy"
      >
        {accuracy.state === 'error' && <ErrorState error={accuracy.error} />}
        {accuracy.state === 'loading' && <Loading label="Replaying past quarters…" />}
        {accuracy.state === 'ready' &&
          (backtests.every((b) => b.mape === null) ? (
            <EmptyState title="No past quarter to score">
              A quarter is scored once it has ended with won deals.
            </EmptyState>
          ) : (
            <AccuracyChart backtests={backtests} />
          ))}
      </Card>
    </>
  );
}

/** quota − expected, on decimal strings to the cent (the gap is shown, not computed on). */
function gap(quota: string, expected: string): string {
  const cents = (s: string) => {
    const [whole = '0', fraction = ''] = s.replace('-', '').split('.');
    const value = BigInt(whole) * 100n + BigInt(`${fraction}00`.slice(0, 2));
    return s.startsWith('-') ? -value : value;
  };
  const difference = cents(quota) - cents(expected);
  const sign = difference < 0n ? '-' : '';
  const abs = difference < 0n ? -difference : difference;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
