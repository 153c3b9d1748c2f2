// The head of the calls grid: the person's figure for the period (their team call, or own call),
// the roll-up beneath an override, the override's note, and won to date for comparison.
import { Card } from '../../../components/Card.tsx';
import { formatDate, formatMoney } from '../../../components/format.ts';
import type { CallCategories, CallGrid } from './types.ts';

function Figures({ label, values, currency }: { label: string; values: CallCategories; currency: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="numeric">{formatMoney(values.commit, currency)}</td>
      <td className="numeric">{formatMoney(values.bestCase, currency)}</td>
      <td className="numeric">{formatMoney(values.pipeline, currency)}</td>
    </tr>
  );
}

export function CallSummary({
  grid,
  onEditOwn,
  onOverride,
}: {
  grid: CallGrid;
  onEditOwn?: (() => void) | undefined;
  onOverride?: (() => void) | undefined;
}) {
  const { team, currency, period, weekOf } = grid;
  const own = team.ownCall;
  return (
    <Card
      title={team.manages ? `${team.name}: team call` : `${team.name}: call`}
      subtitle={`${period.period} (${formatDate(period.start)} – ${formatDate(period.end)}), as of the week of ${formatDate(weekOf)}, in ${currency}`}
      actions={
        <>
          {onEditOwn && (
            <button type="button" className="button" onClick={onEditOwn} data-testid="edit-own-call">
              {own ? 'Edit own call' : 'Submit own call'}
            </button>
          )}
          {onOverride && (
            <button type="button" className="button button--primary" onClick={onOverride} data-testid="override-call">
              {team.override ? 'Edit override' : 'Override roll-up'}
            </button>
          )}
        </>
      }
      testId="call-summary"
    >
      <table className="summary-table">
        <thead>
          <tr>
            <th />
            <th className="numeric">Commit</th>
            <th className="numeric">Best case</th>
            <th className="numeric">Pipeline</th>
          </tr>
        </thead>
        <tbody>
          {team.override && <Figures label="Override" values={team} currency={currency} />}
          {team.rollup && <Figures label="Roll-up" values={team.rollup} currency={currency} />}
          {own && <Figures label={`Own call (${own.currency})`} values={own} currency={own.currency} />}
          {!team.manages && !own && (
            <tr>
              <td colSpan={4} className="muted">
                No call for {period.period} by this week.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {team.override?.note && (
        <p className="muted" data-testid="override-note">
          Override note ({team.override.submittedBy}, week of {formatDate(team.override.weekOf)}): {team.override.note}
        </p>
      )}
      <p>
        Won to date: <strong>{formatMoney(team.wonToDate, currency)}</strong>
      </p>
    </Card>
  );
}
