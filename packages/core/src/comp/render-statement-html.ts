// A statement as one self-contained HTML page (no scripts, no external assets), printed to PDF by
// `attain comp statements` and readable in any browser: header, summary, the period's lines, the
// prior-period and manual adjustments, the draw balance, and "how this was calculated" per
// component — each credit with its tier slices and rates, the contracts paid on. Pure.
import { Decimal } from '../money/decimal.ts';
import { formatAmount, money as moneyOf } from '../money/money.ts';
import type { Statement, StatementExplanation, StatementLine } from './statement.ts';

export function renderStatementHtml(statement: Statement): string {
  const { payee, currency } = statement;
  const money = (amount: string) => `${group(amount)} ${currency}`;
  const components = statement.lines.filter((l) => l.kind === 'component');
  const prior = statement.lines.filter((l) => l.kind === 'prior_period');
  const manual = statement.lines.filter((l) => l.kind === 'manual');
  const draft =
    statement.status === 'draft' ? '<p class="draft">DRAFT — this run is not approved; amounts may change.</p>' : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(`Statement ${payee.name} ${statement.period}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>Compensation statement</h1>
  <p class="payee"><strong>${esc(payee.name)}</strong> (${esc(payee.externalId)})</p>
  <p>Period <strong>${esc(statement.period)}</strong> (${esc(statement.periodStart)} – ${esc(statement.periodEnd)})
   · status ${esc(statement.status)} · currency ${esc(currency)}</p>
  <p>Plans: ${statement.plans.map((p) => esc(`${p.planId} v${p.version} from ${p.validFrom}${p.validTo ? ` to ${p.validTo}` : ''}`)).join('; ') || 'none'}</p>
  ${draft}
</header>
<section>
  <h2>Summary</h2>
  <table class="summary">
    <tr><th>Earned</th><td class="num">${money(statement.earned)}</td></tr>
    <tr><th>Paid</th><td class="num">${money(statement.paid)}</td></tr>
    <tr><th>Draw balance (owed after this period)</th><td class="num">${money(statement.drawBalance)}</td></tr>
    ${Object.entries(statement.attainment)
      .map(([measure, value]) => `<tr><th>Attainment, ${esc(measure)}</th><td class="num">${percent(value)}</td></tr>`)
      .join('\n    ')}
  </table>
</section>
<section>
  <h2>This period</h2>
  ${linesTable(components, money, ['Plan', 'Component', 'Amount'], (l) => [l.planId ?? '', l.component ?? ''])}
</section>
<section>
  <h2>Prior-period adjustments</h2>
  ${
    prior.length === 0
      ? '<p>None.</p>'
      : linesTable(prior, money, ['Corrects period', 'Component', 'Amount'], (l) => [
          l.sourcePeriod ?? '',
          l.component ?? '',
        ])
  }
</section>
<section>
  <h2>Manual adjustments</h2>
  ${
    manual.length === 0
      ? '<p>None.</p>'
      : linesTable(manual, money, ['Reason', 'Entered by', 'Approved by', 'Amount'], (l) => [
          l.reason ?? '',
          l.author ?? '',
          l.approver ?? 'not approved',
        ])
  }
</section>
<section>
  <h2>Draw</h2>
  <p>${drawSentence(statement, money)}</p>
</section>
<section>
  <h2>How this was calculated</h2>
  ${statement.segments
    .map(
      (s) =>
        `<p>${esc(`${s.planId} v${s.version}, ${s.from} – ${s.to ?? 'open-ended'}, quota period ${s.quotaPeriod}`)}: ${Object.entries(
          s.quota,
        )
          .map(([m, q]) => esc(`${m} quota ${group(q)}, attainment ${percent(s.attainment[m] ?? '0')}`))
          .join('; ')}${s.targetIncentive ? esc(`; target incentive ${group(s.targetIncentive)}`) : ''}</p>`,
    )
    .join('\n  ')}
  ${statement.explain.map((e) => explainSection(e, currency)).join('\n  ') || '<p>No components.</p>'}
</section>
</body>
</html>
`;
}

function linesTable(
  lines: readonly StatementLine[],
  money: (a: string) => string,
  headers: string[],
  cells: (l: StatementLine) => string[],
): string {
  if (lines.length === 0) return '<p>None.</p>';
  const rows = lines.map(
    (l) =>
      `<tr>${cells(l)
        .map((c) => `<td>${esc(c)}</td>`)
        .join('')}<td class="num">${money(l.amount)}</td></tr>`,
  );
  return `<table><thead><tr>${headers.map((h, i) => `<th${i === headers.length - 1 ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function drawSentence(statement: Statement, money: (a: string) => string): string {
  const difference = new Decimal(statement.paid).minus(statement.earned);
  const parts: string[] = [];
  if (difference.gt(0))
    parts.push(`A draw topped your pay up by ${money(formatAmount(moneyOf(difference, statement.currency)))}.`);
  if (difference.lt(0))
    parts.push(
      `${money(formatAmount(moneyOf(difference.neg(), statement.currency)))} was kept to recover an earlier draw.`,
    );
  parts.push(
    new Decimal(statement.drawBalance).isZero()
      ? 'You owe nothing against draws.'
      : `You owe ${money(statement.drawBalance)}, recovered from future earnings.`,
  );
  return esc(parts.join(' '));
}

interface ExplainedCredit {
  credit?: string;
  transaction?: string;
  date?: string;
  amount?: string;
  earns?: boolean;
  from?: string;
  to?: string;
  slices?: { tier: number; from: string; to: string; rate: string; earned: string }[];
  earned?: string;
}

function explainSection(e: StatementExplanation, currency: string): string {
  const detail = e.detail as {
    earnedToDate?: string;
    credits?: ExplainedCredit[];
    reached?: { quotaPeriod: string; atLeast: string; credit: string }[];
    score?: string;
    cappedQuotaPeriods?: string[];
  };
  const parts = [`<h3>${esc(e.component)} <small>(${esc(e.planId)})</small></h3>`];
  if (detail.earnedToDate !== undefined) {
    parts.push(`<p>Earned to date in the quota period: ${esc(group(detail.earnedToDate))} ${esc(currency)}</p>`);
  }
  if (detail.cappedQuotaPeriods?.length) parts.push(`<p>Capped in ${esc(detail.cappedQuotaPeriods.join(', '))}.</p>`);
  if (detail.credits?.length) {
    const rows = detail.credits.map((c) => {
      const slices = (c.slices ?? [])
        .map((s) => esc(`tier ${s.tier}: ${s.from} → ${s.to} at ${percent(s.rate)} = ${s.earned}`))
        .join('<br>');
      return `<tr><td>${esc(c.transaction ?? c.credit ?? '')}</td><td>${esc(c.date ?? '')}</td><td class="num">${esc(
        c.amount ? group(c.amount) : '',
      )}</td><td>${esc(c.from !== undefined ? `${c.from} → ${c.to}` : '')}${c.earns === false ? ' (moves attainment only)' : ''}</td><td>${slices}</td><td class="num">${esc(
        c.earned ?? '',
      )}</td></tr>`;
    });
    parts.push(
      `<table class="credits"><thead><tr><th>Credit</th><th>Date</th><th>Amount</th><th>Running total</th><th>Tier slices and rates</th><th>Earned</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    );
  }
  if (detail.reached?.length) {
    parts.push(
      `<p>Steps reached: ${detail.reached
        .map((r) => esc(`${percent(r.atLeast)} of quota in ${r.quotaPeriod} (by ${r.credit})`))
        .join('; ')}</p>`,
    );
  }
  if (detail.score !== undefined) parts.push(`<p>Score: ${esc(percent(detail.score))}</p>`);
  if (e.transactions.length > 0) {
    parts.push(
      `<p>Paid on contracts: ${e.transactions.map((t) => esc(`${t.externalId} ${group(formatAmount(moneyOf(t.amount, currency)))}`)).join(', ')}</p>`,
    );
  }
  return `<div class="component">${parts.join('\n')}</div>`;
}

/** "1234567.891" → "1,234,567.891"; the sign and decimals are kept. */
function group(amount: string): string {
  const [whole = '', fraction] = amount.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${digits}${fraction !== undefined ? `.${fraction}` : ''}`;
}

function percent(ratio: string): string {
  return `${new Decimal(ratio).times(100).toDecimalPlaces(2).toFixed()}%`;
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const STYLE = `
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #222; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 4pt; } h2 { font-size: 12pt; margin: 14pt 0 4pt; border-bottom: 1px solid #999; }
h3 { font-size: 10.5pt; margin: 10pt 0 2pt; } p { margin: 2pt 0; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 2pt 4pt; border-bottom: 1px solid #ddd; vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; } table.summary { width: auto; }
.draft { color: #a00; font-weight: bold; } .component { page-break-inside: avoid; }
`;
