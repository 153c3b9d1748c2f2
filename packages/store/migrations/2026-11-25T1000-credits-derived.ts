// Credits are derived (DESIGN §5.2): crediting writes them only from joins on existing
// transactions and people, and rewrites them wholesale. Their two foreign keys made every credit
// row written run two referential checks — 2.6× the time of the insert without them (1.9 million
// credits: 43 s against 16 s), 13 minutes on the large demo's 20 million. The guarantee they gave
// is kept from the other side, where it costs nothing on the hot path: deleting or truncating a
// transaction or a person that still has credits is refused, as the foreign keys refused it.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table credits drop constraint credits_transaction_id_fkey;
    alter table credits drop constraint credits_person_id_fkey;

    create function credits_keep_parents() returns trigger language plpgsql as $$
    begin
      if (tg_table_name = 'transactions' and exists (select 1 from credits where transaction_id = old.id))
         or (tg_table_name = 'people' and exists (select 1 from credits where person_id = old.id)) then
        raise exception 'CREDITS_EXIST: % % still has credits; credit again before deleting it', tg_table_name, old.id
          using errcode = '23503';
      end if;
      return old;
    end $$;
    create trigger transactions_keep_credits before delete on transactions
      for each row execute function credits_keep_parents();
    create trigger people_keep_credits before delete on people
      for each row execute function credits_keep_parents();

    create function credits_keep_parents_truncate() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from credits) then
        raise exception 'CREDITS_EXIST: % cannot be truncated while credits exist', tg_table_name
          using errcode = '23503';
      end if;
      return null;
    end $$;
    create trigger transactions_keep_credits_truncate before truncate on transactions
      for each statement execute function credits_keep_parents_truncate();
    create trigger people_keep_credits_truncate before truncate on people
      for each statement execute function credits_keep_parents_truncate();
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The credits-derived migration cannot be undone; restore a backup instead.');
}
