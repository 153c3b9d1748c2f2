// The stage order without a pass over every snapshot (issue 6 performance). The default stage order
// is each stage of the open snapshots by its mean probability (docs/pipeline.md); on the large demo
// that mean is an aggregate over 9.1 million open snapshots, 1.3–2 s on every funnel, aging,
// velocity and as-of-by-stage question. open_stage_probabilities keeps the same sums as the
// snapshots change: statement triggers add one row per stage and statement (inserted rows count
// +, deleted rows −, an update both), so the mean is sum(probability_sum) ÷ sum(with_probability)
// over a few rows — exactly avg(probability), as numeric sums are exact.
// Rows are only ever appended, so concurrent imports never wait on one another. The triggers fire
// even with session_replication_role = replica (the demo loader's bulk mode skips foreign-key
// triggers that way; these must still see its rows).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table open_stage_probabilities (
      stage text not null,
      snapshots bigint not null,
      with_probability bigint not null,
      probability_sum numeric
    );

    create function open_stage_probabilities_add() returns trigger language plpgsql as $$
    begin
      -- each branch names only the transition tables its trigger declares
      if tg_op in ('UPDATE', 'DELETE') then
        insert into open_stage_probabilities (stage, snapshots, with_probability, probability_sum)
        select stage, -count(*), -count(probability), -sum(probability) from old_snapshots
        where status = 'open' and stage is not null group by stage;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        insert into open_stage_probabilities (stage, snapshots, with_probability, probability_sum)
        select stage, count(*), count(probability), sum(probability) from new_snapshots
        where status = 'open' and stage is not null group by stage;
      end if;
      return null;
    end $$;
    create trigger open_stage_probabilities_insert after insert on opportunity_snapshots
      referencing new table as new_snapshots
      for each statement execute function open_stage_probabilities_add();
    create trigger open_stage_probabilities_update after update on opportunity_snapshots
      referencing old table as old_snapshots new table as new_snapshots
      for each statement execute function open_stage_probabilities_add();
    create trigger open_stage_probabilities_delete after delete on opportunity_snapshots
      referencing old table as old_snapshots
      for each statement execute function open_stage_probabilities_add();

    create function open_stage_probabilities_clear() returns trigger language plpgsql as $$
    begin
      delete from open_stage_probabilities;
      return null;
    end $$;
    create trigger open_stage_probabilities_truncate after truncate on opportunity_snapshots
      for each statement execute function open_stage_probabilities_clear();

    alter table opportunity_snapshots enable always trigger open_stage_probabilities_insert;
    alter table opportunity_snapshots enable always trigger open_stage_probabilities_update;
    alter table opportunity_snapshots enable always trigger open_stage_probabilities_delete;
    alter table opportunity_snapshots enable always trigger open_stage_probabilities_truncate;

    insert into open_stage_probabilities (stage, snapshots, with_probability, probability_sum)
    select stage, count(*), count(probability), sum(probability) from opportunity_snapshots
    where status = 'open' and stage is not null group by stage;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger if exists open_stage_probabilities_truncate on opportunity_snapshots;
    drop trigger if exists open_stage_probabilities_delete on opportunity_snapshots;
    drop trigger if exists open_stage_probabilities_update on opportunity_snapshots;
    drop trigger if exists open_stage_probabilities_insert on opportunity_snapshots;
    drop function if exists open_stage_probabilities_clear();
    drop function if exists open_stage_probabilities_add();
    drop table if exists open_stage_probabilities;
  `.execute(db);
}
