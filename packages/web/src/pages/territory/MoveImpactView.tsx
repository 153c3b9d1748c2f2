// What moves with an account (DESIGN §5.1): its open pipeline, its trailing bookings and, by the
// quota treatment, the quota — the figures the server computed for the request.
import { formatCount, formatDate, formatMoney, formatRatio } from '../../components/format.ts';
import type { MoveImpact } from './types.ts';

export function MoveImpactView({ impact, testId }: { impact: MoveImpact; testId?: string }) {
  const { quota, currency } = impact;
  return (
    <dl className="impact" data-testid={testId}>
      <div className="impact__figure">
        <dt>Open pipeline</dt>
        <dd data-testid={testId && `${testId}-pipeline`}>{formatMoney(impact.openPipeline, currency, 0)}</dd>
        <span className="muted">
          {formatCount(impact.openOpportunities)} open {impact.openOpportunities === 1 ? 'deal' : 'deals'} on{' '}
          {formatDate(impact.asOf)}
        </span>
      </div>
      <div className="impact__figure">
        <dt>Trailing bookings</dt>
        <dd data-testid={testId && `${testId}-bookings`}>{formatMoney(impact.trailingBookings, currency, 0)}</dd>
        <span className="muted">
          {formatDate(impact.trailingFrom)} – {formatDate(impact.trailingTo)}
        </span>
      </div>
      <div className="impact__figure">
        <dt>Quota moving</dt>
        <dd data-testid={testId && `${testId}-quota`}>{formatMoney(quota.moved, currency, 0)}</dd>
        <span className="muted">{quotaExplanation(impact)}</span>
      </div>
    </dl>
  );
}

function quotaExplanation({ quota, currency }: MoveImpact): string {
  if (quota.treatment === 'none') return 'Quota treatment none: no quota moves';
  if (!quota.period || quota.ownerQuota === null) return 'The owner has no quota in this period';
  const share = `${formatRatio(quota.share)} of ${quota.owner ?? 'the owner'}’s ${formatMoney(quota.ownerQuota, currency, 0)} (${quota.period})`;
  if (quota.treatment === 'prorata' && quota.remainingDays !== null && quota.periodDays !== null) {
    return `${share}, for ${formatCount(quota.remainingDays)} of ${formatCount(quota.periodDays)} days`;
  }
  return share;
}
