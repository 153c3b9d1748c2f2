// The account's territory as of a date: the latest-starting 'account' territory assignment in force
// then. Between two dates on which any of an account's assignments starts or ends that choice
// cannot change, so it is made once per such span (a few hundred thousand assignments), and each
// fact finds the one span holding its date: a hash join without a sort. Choosing per fact sorted
// every fact with its candidate assignments (12 s for the large demo's credits by territory, 3.3
// million facts). Accounts whose assignments never overlap (every account on the large demo) take
// them as they are.
import { sql } from 'kysely';
import { stretchesOf } from './stretches.ts';

/** CTEs ending in territory_spans (account_id, valid_from, valid_to, name); no trailing comma. */
export const TERRITORY_SPANS = sql`
    account_territories as (
      select ta.id, ta.account_id, ta.valid_from, ta.valid_to, t.name,
        max(coalesce(ta.valid_to, 'infinity'::date)) over (partition by ta.account_id order by ta.valid_from, ta.id
          rows between unbounded preceding and 1 preceding) > ta.valid_from as overlaps_earlier
      from territory_assignments ta join territories t on t.id = ta.territory_id and t.type = 'account'),
    overlapping as (select distinct account_id from account_territories where overlaps_earlier),
    ${stretchesOf(
      'territory_stretches',
      sql`(select a.account_id, a.valid_from, a.valid_to from account_territories a join overlapping o using (account_id))`,
      'account_id',
    )},
    territory_spans as (
      select a.account_id, a.valid_from, a.valid_to, a.name from account_territories a
      where a.account_id not in (select o.account_id from overlapping o)
      union all
      select * from (
        select distinct on (s.account_id, s.valid_from) s.account_id, s.valid_from, s.valid_to, a.name
        from territory_stretches s
        join account_territories a on a.account_id = s.account_id
          and a.valid_from <= s.valid_from and (a.valid_to is null or a.valid_to > s.valid_from)
        order by s.account_id, s.valid_from, a.valid_from desc, a.id desc) overlapped
    )`;
