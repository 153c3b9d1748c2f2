// Effective-dated rows (valid_from inclusive, valid_to exclusive, null for open) cut into the
// stretches between the dates on which any row of one key starts or ends: on every date of a
// stretch the same rows are in force, so whatever is read from them is chosen once per stretch
// and a fact finds its one stretch by a hash join instead of being sorted with its candidates.
import { type RawBuilder, sql } from 'kysely';

/**
 * CTEs `<name>_bounds` and `<name>` (key, valid_from, valid_to) over `rows`, a relation with the
 * key column and valid_from / valid_to. The last stretch of a key is open (valid_to null).
 */
export function stretchesOf(name: string, rows: RawBuilder<unknown>, key: string): RawBuilder<unknown> {
  const bounds = sql.raw(`${name}_bounds`);
  const k = sql.raw(key);
  return sql`${bounds} as (
      select r.${k}, r.valid_from as day from ${rows} r
      union select r.${k}, r.valid_to from ${rows} r where r.valid_to is not null),
    ${sql.raw(name)} as (
      select b.${k}, b.day as valid_from, lead(b.day) over (partition by b.${k} order by b.day) as valid_to
      from ${bounds} b)`;
}
