// The head of the calls grid, rendered to HTML: override with its note, the roll-up beneath it,
// the own call in its currency, won to date.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, test } from 'vitest';
import { CallSummary } from './CallSummary.tsx';
import type { CallGrid, SubmittedCall } from './types.ts';

const call = (over: Partial<SubmittedCall>): SubmittedCall => ({
  id: '1',
  person: 'P-MIA',
  personName: 'Mia',
  period: '2026-Q3',
  weekOf: '2026-08-03',
  scope: 'own',
  commit: '0.00',
  bestCase: '100.00',
  pipeline: '200.00',
  currency: 'USD',
  override: false,
  note: null,
  submittedBy: 'mia@example.com',
  submittedAt: '2026-08-05T09:30:00Z',
  ...over,
});

const grid: CallGrid = {
  period: { period: '2026-Q3', start: '2026-07-01', end: '2026-09-30' },
  weekOf: '2026-08-03',
  currency: 'USD',
  team: {
    person: 'P-MIA',
    name: 'Mia',
    manages: true,
    source: 'override',
    commit: '5000.00',
    bestCase: '6000.00',
    pipeline: '9000.00',
    ownCall: call({}),
    override: call({ id: '2', scope: 'team', override: true, note: 'Two late deals at risk', commit: '5000.00' }),
    rollup: { commit: '4700.00', bestCase: '6400.00', pipeline: '9100.00' },
    wonToDate: '3600.00',
    reports: [],
  },
};

test('shows the override, the roll-up, the own call, the note and won to date', () => {
  const html = renderToStaticMarkup(createElement(CallSummary, { grid, onOverride: () => {} }));
  const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  expect(text).toContain('Override $5,000.00 $6,000.00 $9,000.00');
  expect(text).toContain('Roll-up $4,700.00 $6,400.00 $9,100.00');
  expect(text).toContain('Own call (USD) $0.00 $100.00 $200.00');
  expect(text).toContain('Two late deals at risk');
  expect(text).toContain('Won to date: $3,600.00');
  expect(text).toContain('Edit override');
  expect(text).not.toContain('Submit own call');
});
