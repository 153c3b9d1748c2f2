// The plan under edit run on one real payee (POST /api/plans/preview): quota, target incentive,
// attainment, earnings by pay period as bars, and each period's components, earned and paid.
import { formatMoney } from '../../../components/format.ts';
import { EARNINGS_COLORS, EarningsChart } from './EarningsChart.tsx';
import type { Preview } from './types.ts';

export function PlanPreview({ preview }: { preview: Preview }) {
  const { result } = preview;
  const currency = result.currency;
  const components = Object.keys(result.periods[0]?.components ?? {});
  const attainment = Object.entries(preview.attainment);
  return (
    <div className="plan-preview" data-testid="plan-preview">
      <dl className="plan-facts">
        <div>
          <dt>Quota period</dt>
          <dd>{preview.quotaPeriod.period}</dd>
        </div>
        {Object.entries(preview.quota).map(([measure, amount]) => (
          <div key={measure}>
            <dt>Quota ({measure})</dt>
            <dd>{formatMoney(amount, currency, 0)}</dd>
          </div>
        ))}
        <div>
          <dt>Target incentive</dt>
          <dd>{preview.targetIncentive === null ? '—' : formatMoney(preview.targetIncentive, currency, 0)}</dd>
        </div>
        {attainment.map(([measure, value]) => (
          <div key={measure}>
            <dt>Attainment</dt>
            <dd data-testid="preview-attainment">{(Number(value) * 100).toFixed(1)}%</dd>
          </div>
        ))}
        <div>
          <dt>Earned</dt>
          <dd data-testid="preview-total">{formatMoney(result.total.earned, currency)}</dd>
        </div>
      </dl>
      <p className="muted plan-preview__note">
        {preview.credits} credit{preview.credits === 1 ? '' : 's'} in {preview.quotaPeriod.period}
        {preview.assigned ? '' : '; not on a plan then, so the full quota and no target incentive'}.
      </p>
      {result.periods.length > 0 && (
        <EarningsChart
          periods={result.periods.map((p) => p.period)}
          series={[{ name: 'Earned', values: result.periods.map((p) => p.earned), color: EARNINGS_COLORS.after }]}
          currency={currency}
          label="Earnings by pay period"
        />
      )}
      <div className="plan-table-scroll">
        <table className="plan-table" data-testid="preview-periods">
          <thead>
            <tr>
              <th>Period</th>
              {components.map((c) => (
                <th key={c} className="numeric">
                  {c}
                </th>
              ))}
              <th className="numeric">Earned</th>
              <th className="numeric">Paid</th>
            </tr>
          </thead>
          <tbody>
            {result.periods.map((p) => (
              <tr key={p.period} title={tiersOf(p.explain)}>
                <td>{p.period}</td>
                {components.map((c) => (
                  <td key={c} className="numeric">
                    {formatMoney(p.components[c] ?? '0', currency)}
                  </td>
                ))}
                <td className="numeric">
                  <strong>{formatMoney(p.earned, currency)}</strong>
                </td>
                <td className="numeric">{formatMoney(p.paid, currency)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td>Total</td>
              {components.map((c) => (
                <td key={c} />
              ))}
              <td className="numeric">
                <strong>{formatMoney(result.total.earned, currency)}</strong>
              </td>
              <td className="numeric">{formatMoney(result.total.paid, currency)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}

/** A row's tooltip: each credit of the period with the tiers it went through (from explain). */
function tiersOf(explain: Record<string, Record<string, unknown>> | undefined): string {
  const lines: string[] = [];
  for (const [component, detail] of Object.entries(explain ?? {})) {
    const credits = (detail.credits as { credit: string; slices?: { tier: number; rate: string }[] }[]) ?? [];
    for (const credit of credits) {
      const tiers = (credit.slices ?? []).map((s) => `tier ${s.tier} @ ${s.rate}`).join(', ');
      lines.push(`${component}: ${credit.credit}${tiers ? ` (${tiers})` : ''}`);
    }
  }
  return lines.join('\n');
}
