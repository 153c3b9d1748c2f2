// Kysely 0.28 has no PGlite dialect, but its PostgresDialect runs on anything shaped like a pg Pool.
// PGlite is one connection, so connect() hands it out under a mutex: a transaction is never
// interleaved with another caller's queries.
import type { PGlite } from '@electric-sql/pglite';

interface QueryResult {
  command: string;
  rowCount: number;
  rows: unknown[];
}

export interface PgliteClient {
  query(sql: string, parameters: readonly unknown[]): Promise<QueryResult>;
  release(): void;
}

const COMMAND = /^\s*(insert|update|delete|merge)\b/i;

export function pglitePool(pglite: PGlite) {
  let tail: Promise<void> = Promise.resolve();

  const client = {
    async query(text: string, parameters: readonly unknown[]): Promise<QueryResult> {
      const command = COMMAND.exec(text)?.[1]?.toUpperCase() ?? 'SELECT';
      if (parameters.length === 0) {
        // exec() allows several statements in one text (migrations), as pg's simple protocol does.
        const results = await pglite.exec(text);
        const last = results[results.length - 1];
        return { command, rowCount: last?.affectedRows ?? 0, rows: last?.rows ?? [] };
      }
      const result = await pglite.query(text, [...parameters]);
      return { command, rowCount: result.affectedRows ?? 0, rows: result.rows };
    },
  };

  return {
    async connect(): Promise<PgliteClient> {
      let release!: () => void;
      const turn = new Promise<void>((resolve) => {
        release = resolve;
      });
      const previous = tail;
      tail = previous.then(() => turn);
      await previous;
      return { query: client.query, release };
    },
    async end(): Promise<void> {
      await tail;
      await pglite.close();
    },
  };
}
