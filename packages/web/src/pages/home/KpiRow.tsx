import type { Dashboard } from '../../api/types.ts';
import { formatCount, formatMoney, formatRatio } from '../../components/format.ts';
import { KpiCard } from '../../components/KpiCard.tsx';

export function KpiRow({ dashboard }: { dashboard: Dashboard }) {
  const { kpis, currency } = dashboard;
  return (
    <div className="grid grid--kpis">
      <KpiCard
        testId="kpi-bookings-ytd"
        label="Bookings YTD"
        value={formatMoney(kpis.bookingsYtd, currency, 0)}
        hint="Fiscal year to date, net of cancellations"
      />
      <KpiCard
        testId="kpi-open-pipeline"
        label="Open pipeline"
        value={formatMoney(kpis.openPipeline, currency, 0)}
        hint={`Across ${formatCount(kpis.openDeals)} open ${kpis.openDeals === 1 ? 'deal' : 'deals'}`}
      />
      <KpiCard
        testId="kpi-win-rate"
        label="Win rate"
        value={formatRatio(kpis.winRate)}
        hint={kpis.winRate === null ? 'No won or lost deals yet' : 'Won ÷ (won + lost), closed this fiscal year'}
      />
      <KpiCard
        testId="kpi-open-deals"
        label="Open deals"
        value={formatCount(kpis.openDeals)}
        hint="Not yet won or lost"
      />
    </div>
  );
}
