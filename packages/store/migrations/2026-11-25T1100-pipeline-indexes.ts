// Pipeline and forecast performance (issue 6).
// - opportunity_snapshots_close: the latest snapshots of the deals closing in a period as of a
//   date start from the snapshots whose close date falls in it — an index-only range scan on
//   (close_date, snapshot_date, opportunity_id) instead of a probe for every opportunity.
// - opportunity_snapshots_closed: the won/lost snapshots alone (a few percent of them), with what
//   a closed deal's state needs, so the forecast's closed history and won amounts find every
//   deal's first closed snapshot in an index-only pass.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index if not exists opportunity_snapshots_close
      on opportunity_snapshots (close_date, snapshot_date, opportunity_id);
    create index if not exists opportunity_snapshots_closed
      on opportunity_snapshots (opportunity_id, snapshot_date) include (status, close_date, amount, currency, owner_id)
      where status in ('won', 'lost');
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index if exists opportunity_snapshots_closed;
    drop index if exists opportunity_snapshots_close;
  `.execute(db);
}
