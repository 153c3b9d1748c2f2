// Balance of a scenario against the live model: the chart for one figure and tolerance, and the
// server's maxDeviation and cv per figure, live → scenario (lower is more even).
import { useMemo, useState } from 'react';
import { Card } from '../../components/Card.tsx';
import { BalanceChart } from './BalanceChart.tsx';
import { balanceGroups } from './balance-groups.ts';
import { FIGURES, type Figure, figureLabels, type ScenarioComparison } from './types.ts';

const TOLERANCES = [0.05, 0.1, 0.15, 0.2, 0.3];

export function BalanceCard({ comparison, currency }: { comparison: ScenarioComparison; currency: string }) {
  const [figure, setFigure] = useState<Figure>('potential');
  const [tolerance, setTolerance] = useState(0.1);
  const groups = useMemo(() => balanceGroups(comparison, figure), [comparison, figure]);

  return (
    <Card
      title="Territory balance"
      subtitle="Each leaf territory against its siblings’ mean; the green band is the mean ± tolerance"
      testId="balance-card"
    >
      <div className="balance-controls">
        <fieldset className="segmented" aria-label="Figure">
          {FIGURES.map((option) => (
            <button
              key={option}
              type="button"
              className="segment"
              aria-pressed={figure === option}
              onClick={() => setFigure(option)}
            >
              {figureLabels[option]}
            </button>
          ))}
        </fieldset>
        <label className="field field--inline">
          <span>Tolerance</span>
          <select
            value={tolerance}
            onChange={(event) => setTolerance(Number(event.target.value))}
            aria-label="Tolerance"
          >
            {TOLERANCES.map((option) => (
              <option key={option} value={option}>
                ±{Math.round(option * 100)}%
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="balance-layout">
        <BalanceChart groups={groups} figure={figure} tolerance={tolerance} currency={currency} />
        <table className="balance-stats" data-testid="balance-stats">
          <caption className="visually-hidden">Balance per figure, live and scenario</caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col" className="numeric">
                Max deviation
              </th>
              <th scope="col" className="numeric">
                CV
              </th>
            </tr>
          </thead>
          <tbody>
            {FIGURES.filter((option) => comparison.balance[option]).map((option) => {
              const stats = comparison.balance[option];
              return (
                <tr key={option} aria-current={option === figure ? 'true' : undefined}>
                  <th scope="row">{figureLabels[option]}</th>
                  <td className="numeric">
                    <Change live={stats.live.maxDeviation} scenario={stats.scenario.maxDeviation} />
                  </td>
                  <td className="numeric">
                    <Change live={stats.live.cv} scenario={stats.scenario.cv} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

/** "31.0% → 8.2%", green when the scenario is more even, red when less. */
function Change({ live, scenario }: { live: number; scenario: number }) {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  const direction = scenario < live ? 'better' : scenario > live ? 'worse' : 'same';
  return (
    <span className="change">
      <span className="muted">{percent(live)}</span> →{' '}
      <strong className={`change--${direction}`}>{percent(scenario)}</strong>
    </span>
  );
}
