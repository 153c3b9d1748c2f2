// Workspace settings: the reporting currency and the fiscal calendar (DESIGN §7, §8).
import type { CalendarInput } from '@attain/core/calendar/calendar-schema.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface WorkspaceSettings {
  reportingCurrency: string;
  fiscalCalendar: CalendarInput;
}

export const DEFAULT_SETTINGS: WorkspaceSettings = {
  reportingCurrency: 'USD',
  fiscalCalendar: { type: 'gregorian', fiscalYearStartMonth: 1 } as CalendarInput,
};

export async function readSettings(db: Kysely<Database>): Promise<WorkspaceSettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  return {
    reportingCurrency: (byKey.get('reportingCurrency') as string | undefined) ?? DEFAULT_SETTINGS.reportingCurrency,
    fiscalCalendar: (byKey.get('fiscalCalendar') as CalendarInput | undefined) ?? DEFAULT_SETTINGS.fiscalCalendar,
  };
}
