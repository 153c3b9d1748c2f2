// Data-quality rules on accounts: no territory today, and likely duplicates by normalised name.
import { LEGAL_SUFFIXES } from '@attain/core/quality/rule-catalog.ts';
import { type RawBuilder, sql } from 'kysely';
import type { RuleCheck } from './check-context.ts';

const inForce = (alias: string, date: RawBuilder<unknown>) =>
  sql`${sql.ref(`${alias}.valid_from`)} <= ${date} and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} > ${date})`;

// No account-type territory assignment in force today (an overlay does not count). The message
// names the last territory the account had, if any, so the fix is obvious.
export const accountWithoutTerritory: RuleCheck = async (db, { today }) =>
  (
    await sql<{ id: string; message: string }>`
      select a.external_id as id,
        'no account territory as of ' || ${today} ||
          coalesce('; last in ' || last.external_id || ' until ' || last.valid_to::text, '') as message
      from accounts a
      left join lateral (
        select t.external_id, ta.valid_to from territory_assignments ta join territories t on t.id = ta.territory_id
        where ta.account_id = a.id and t.type = 'account' and ta.valid_to <= ${today}::date
        order by ta.valid_to desc limit 1) last on true
      where not exists (
        select 1 from territory_assignments ta join territories t on t.id = ta.territory_id
        where ta.account_id = a.id and t.type = 'account' and ${inForce('ta', sql`${today}::date`)})`.execute(db)
  ).rows;

/**
 * The SQL name key of likely duplicates: lower-case, punctuation removed (so "S.A. de C.V." is
 * "sa de cv"), legal suffixes dropped from the end (never the first word), spaces removed:
 * "Acme, Inc." and "ACME Corp" are both "acme". Lower-casing and punctuation follow the database's
 * C collation: ASCII letters and punctuation, plus common typographic quotes.
 */
const PUNCTUATION = '[[:punct:]\u2018\u2019\u201c\u201d\u00ab\u00bb]';
const TRAILING_SUFFIXES = `(\\s+(${LEGAL_SUFFIXES.map((s) => s.replace(/ /g, '\\s+')).join('|')}))+\\s*$`;

export function accountNameKeySql(name: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`regexp_replace(regexp_replace(regexp_replace(lower(${name}), ${PUNCTUATION}::text, '', 'g'),
    ${TRAILING_SUFFIXES}::text, ''), ${'\\s+'}::text, '', 'g')`;
}

export const accountLikelyDuplicate: RuleCheck = async (db) =>
  (
    await sql<{ id: string; message: string }>`
      with keyed as (
        select a.id, a.external_id, a.name, ${accountNameKeySql(sql`a.name`)} as name_key from accounts a
      ),
      groups as (
        select name_key from keyed where name_key <> '' group by name_key having count(*) > 1
      )
      select k.external_id as id,
        'likely duplicate of ' || (
          select string_agg(other.external_id || ' "' || other.name || '"', ', ' order by other.external_id)
          from keyed other where other.name_key = k.name_key and other.id <> k.id)
          || ' (name key "' || k.name_key || '")' as message
      from keyed k join groups g on g.name_key = k.name_key`.execute(db)
  ).rows;
