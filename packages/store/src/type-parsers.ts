// Both drivers return DATE as 'YYYY-MM-DD', NUMERIC and INT8 as strings, and timestamps as the
// server's text (DESIGN §10), so a result is identical on PGlite and PostgreSQL.
export const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082, TIMESTAMP: 1114, TIMESTAMPTZ: 1184 } as const;

export const TEXT_AS_IS: readonly number[] = [OID.INT8, OID.NUMERIC, OID.DATE, OID.TIMESTAMP, OID.TIMESTAMPTZ];

export function identity(value: string): string {
  return value;
}
