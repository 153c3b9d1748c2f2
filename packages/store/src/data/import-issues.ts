// Collects what is wrong with an import, row by row: every issue is counted, the first 100 kept.
export interface ImportIssue {
  row: number;
  column: string;
  value: string;
  code: string;
  message: string;
}

export const LISTED_ISSUES = 100;

export class IssueList {
  readonly listed: ImportIssue[] = [];
  total = 0;
  readonly rows = new Set<number>();
  /** Reasons per row, kept once rows are staged (the rows found wrong by SQL are few). */
  readonly reasons = new Map<number, string[]>();
  keepReasons = false;

  add(issue: ImportIssue): void {
    this.total += 1;
    this.rows.add(issue.row);
    if (this.keepReasons) this.reasons.set(issue.row, [...(this.reasons.get(issue.row) ?? []), issue.message]);
    if (this.listed.length < LISTED_ISSUES) this.listed.push(issue);
  }

  get empty(): boolean {
    return this.total === 0;
  }

  sorted(): ImportIssue[] {
    return [...this.listed].sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
  }
}
