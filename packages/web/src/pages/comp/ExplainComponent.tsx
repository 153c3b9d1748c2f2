// "Explain" for one component of a statement: how its earnings-to-date came about — each credit of
// the period with its running total and tier slices and rates (rate tables), the credits a bonus
// paid on, the attainment steps reached, the MBO score — and the contracts it was paid on.
import { useId, useState } from 'react';
import { formatMoney, roundDecimal } from '../../components/format.ts';
import type { ExplainedCredit, Statement } from './types.ts';

type Explanation = Statement['explain'][number];

export function ExplainComponent({ explanation, currency }: { explanation: Explanation; currency: string }) {
  const [open, setOpen] = useState(false);
  const panel = useId();
  const { component, detail, transactions } = explanation;
  const credits = Array.isArray(detail.credits) ? (detail.credits as ExplainedCredit[]) : [];
  const reached = Array.isArray(detail.reached)
    ? (detail.reached as { quotaPeriod: string; atLeast: string; credit: string }[])
    : [];
  const earnedToDate = typeof detail.earnedToDate === 'string' ? detail.earnedToDate : null;

  return (
    <section className="explain" data-testid="explain" data-component={component}>
      <button
        type="button"
        className="explain__toggle"
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> Explain <strong>{component}</strong>
        <span className="muted">
          {' '}
          · plan {explanation.planId}
          {earnedToDate !== null && ` · earned to date ${formatMoney(earnedToDate, currency)}`}
        </span>
      </button>
      {open && (
        <div id={panel} className="explain__body" data-testid="explain-body">
          {credits.length > 0 && <CreditsTable credits={credits} currency={currency} />}
          {reached.length > 0 && (
            <ul className="explain__list">
              {reached.map((r) => (
                <li key={`${r.quotaPeriod}-${r.atLeast}`}>
                  Attainment reached {percent(r.atLeast)} in {r.quotaPeriod} with credit <code>{r.credit}</code>
                </li>
              ))}
            </ul>
          )}
          {typeof detail.score === 'string' && <p>MBO score {percent(detail.score)}.</p>}
          {Array.isArray(detail.cappedQuotaPeriods) && detail.cappedQuotaPeriods.length > 0 && (
            <p className="notice">Capped in {(detail.cappedQuotaPeriods as string[]).join(', ')}.</p>
          )}
          {credits.length === 0 && reached.length === 0 && typeof detail.score !== 'string' && (
            <p className="muted">No credit dated in this period moved this component.</p>
          )}
          {transactions.length > 0 && (
            <p className="explain__paid-on">
              <span className="muted">Paid on: </span>
              {transactions.map((t, i) => (
                <span key={t.externalId}>
                  {i > 0 && ', '}
                  <code>{t.externalId}</code> {formatMoney(t.amount, currency)}
                </span>
              ))}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

function CreditsTable({ credits, currency }: { credits: ExplainedCredit[]; currency: string }) {
  const running = credits.some((c) => c.from !== undefined);
  return (
    <div className="data-table__scroll">
      <table className="explain__credits">
        <thead>
          <tr>
            <th>Credit</th>
            {running && <th>Date</th>}
            {running && <th className="numeric">Amount</th>}
            {running && <th>Running total</th>}
            {running && <th>Tier slices × rates</th>}
            <th className="numeric">Earned</th>
          </tr>
        </thead>
        <tbody>
          {credits.map((c) => (
            <tr key={`${c.credit}/${c.date}`} data-testid="explain-credit">
              <td>
                <code>{c.transaction ?? c.credit}</code>
              </td>
              {running && <td className="nowrap">{c.date}</td>}
              {running && <td className="numeric">{c.amount !== undefined ? formatMoney(c.amount, currency) : ''}</td>}
              {running && (
                <td className="nowrap">
                  {c.from !== undefined && `${decimal(c.from)} → ${decimal(c.to ?? '')}`}
                  {c.earns === false && <span className="muted"> (moves attainment only)</span>}
                </td>
              )}
              {running && (
                <td>
                  {(c.slices ?? []).map((s) => (
                    <div key={s.tier} className="explain__slice" data-testid="explain-slice">
                      tier {s.tier}: {decimal(s.from)} → {decimal(s.to)} × {percent(s.rate)} ={' '}
                      {formatMoney(s.earned, currency)}
                    </div>
                  ))}
                </td>
              )}
              <td className="numeric">{c.earned !== undefined ? formatMoney(c.earned, currency) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A full-precision decimal shown with at most four places, trailing zeros dropped, thousands grouped. */
function decimal(value: string): string {
  const rounded = roundDecimal(value, 4)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
  const [integer = '0', fraction] = rounded.split('.');
  return `${integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

/** "0.085" → "8.5%": the decimal point moved two places, from the digits (no float). */
function percent(rate: string): string {
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(rate.trim());
  if (!match) return rate;
  const [, sign = '', whole = '', fraction = ''] = match;
  const digits = `${whole}${fraction.padEnd(2, '0').slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  return `${sign}${decimal(`${digits}.${fraction.slice(2) || '0'}`)}%`;
}
