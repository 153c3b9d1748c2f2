// The progress printer: a line when a step starts, none within 2 s after in the same step, except
// the step's last; `done` ends nothing printed.
import { afterEach, expect, test, vi } from 'vitest';
import { progressPrinter } from './progress.ts';

afterEach(() => {
  vi.useRealTimers();
});

test('a line per step start, at most one per 2 s within it, and always the last', () => {
  vi.useFakeTimers({ now: new Date('2026-11-24T10:00:00Z') });
  const lines: string[] = [];
  const progress = progressPrinter((line) => lines.push(line));
  progress('crediting', 0);
  progress('payees', 50, 1328);
  progress('payees', 100, 1328); // within 2 s: not shown
  vi.advanceTimersByTime(2500);
  progress('payees', 700, 1328);
  progress('payees', 1328, 1328); // the last: shown even within 2 s
  progress('done', 1, 1);
  expect(lines).toEqual(['  crediting', '  payees 3%', '  payees 52%', '  payees 100%']);
});
