import { expect, test } from 'vitest';
import { AttainError } from '../errors.ts';
import { NRF_454, resolveCalendar } from './calendar-schema.ts';

test('defaults: Gregorian starts in January; week-based ends on the last Saturday of December', () => {
  expect(resolveCalendar({ type: 'gregorian' })).toEqual({ kind: 'gregorian', fiscalYearStartMonth: 1 });
  expect(resolveCalendar({ type: '454' })).toEqual({
    kind: 'week',
    pattern: '454',
    yearEndMonth: 12,
    weekday: 6,
    rule: 'last',
    naming: 'end',
  });
});

test('nrf-454 is the 4-5-4 calendar ending on the Saturday nearest January 31, named by its start year', () => {
  expect(resolveCalendar({ type: 'nrf-454' })).toEqual(NRF_454);
  expect(NRF_454).toMatchObject({ pattern: '454', yearEndMonth: 1, weekday: 6, rule: 'nearest', naming: 'start' });
});

test('invalid definitions are CALENDAR_INVALID with the offending path', () => {
  const cases: [unknown, string][] = [
    [{ type: 'gregorian', fiscalYearStartMonth: 13 }, 'fiscalYearStartMonth'],
    [{ type: '445', weekday: 7 }, 'weekday'],
    [{ type: '445', rule: 'first' }, 'rule'],
    [{ type: 'nrf-454', yearEndMonth: 2 }, 'calendar'],
    [{ type: '446' }, 'type'],
    ['gregorian', 'calendar'],
  ];
  for (const [definition, path] of cases) {
    try {
      resolveCalendar(definition);
      expect.unreachable(`${JSON.stringify(definition)} should be rejected`);
    } catch (error) {
      expect(error).toBeInstanceOf(AttainError);
      expect((error as AttainError).code).toBe('CALENDAR_INVALID');
      expect((error as AttainError).details.path).toBe(path);
    }
  }
});
