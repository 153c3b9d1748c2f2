// Period labels (DESIGN §6 "Period labels"): Gregorian months are calendar `YYYY-MM`; quarters,
// halves and years are `<FY>-Qn`, `<FY>-Hn`, `FY<FY>`; months of week-based calendars `<FY>-M01`…`M12`.
export function yearLabel(fiscalYear: number): string {
  return `FY${fiscalYear}`;
}

export function quarterLabel(fiscalYear: number, quarter: number): string {
  return `${fiscalYear}-Q${quarter}`;
}

export function halfLabel(fiscalYear: number, half: number): string {
  return `${fiscalYear}-H${half}`;
}

/** A month of a week-based calendar: 2023-M01 … 2023-M12. */
export function fiscalMonthLabel(fiscalYear: number, month: number): string {
  return `${fiscalYear}-M${String(month).padStart(2, '0')}`;
}

/** A calendar month, as Gregorian fiscal calendars name their months: 2026-03. */
export function calendarMonthLabel(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}
