// A rule as one SQL boolean over the accounts row `a` (DESIGN §5.1), with the same meaning as the
// in-memory evaluation (core/territory/evaluate-rule.ts): text trimmed and compared in lower case,
// numbers as NUMERIC, between inclusive, an empty field equal to nothing. Every value is a bound
// parameter; only column names (from a fixed table) and the logic's and/or/not are SQL text.
import type { RuleLogic } from '@attain/core/territory/parse-rule-logic.ts';
import { RULE_FIELDS, type RuleField, type RuleItem } from '@attain/core/territory/rule-schema.ts';
import { type RawBuilder, sql } from 'kysely';

const COLUMN: Record<RuleField, RawBuilder<unknown>> = {
  name: sql`a.name`,
  industry: sql`a.industry`,
  segment: sql`a.segment`,
  country: sql`a.country`,
  region: sql`a.region`,
  city: sql`a.city`,
  parent: sql`(select p.external_id from accounts p where p.id = a.parent_id)`,
  employees: sql`a.employees`,
  annualRevenue: sql`a.annual_revenue`,
  potential: sql`a.potential`,
};

export function compileItemSql(item: RuleItem): RawBuilder<boolean> {
  const column = COLUMN[item.field];
  const isNumber = RULE_FIELDS[item.field] === 'number';
  const value = isNumber ? sql`${column}::numeric` : sql`lower(nullif(trim(${column}), ''))`;
  const values = Array.isArray(item.value) ? item.value : [item.value ?? ''];
  const one = isNumber ? sql`${values[0]}::numeric` : sql`lower(${values[0]}::text)`;
  const list = isNumber ? sql`${values}::numeric[]` : sql`${values.map((v) => v.toLowerCase())}::text[]`;
  switch (item.operator) {
    case 'is_empty':
      return sql<boolean>`(${value} is null)`;
    case 'is_not_empty':
      return sql<boolean>`(${value} is not null)`;
    case 'equals':
      return sql<boolean>`coalesce(${value} = ${one}, false)`;
    case 'not_equals':
      return sql<boolean>`(${value} is distinct from ${one})`;
    case 'in':
      return sql<boolean>`coalesce(${value} = any(${list}), false)`;
    case 'not_in':
      return sql<boolean>`not coalesce(${value} = any(${list}), false)`;
    case 'starts_with':
      return sql<boolean>`coalesce(starts_with(${value}, ${one}), false)`;
    case 'between':
      return sql<boolean>`coalesce(${value} between ${values[0]}::numeric and ${values[1]}::numeric, false)`;
  }
}

export function compileRuleSql(rule: { items: RuleItem[]; parsedLogic: RuleLogic }): RawBuilder<boolean> {
  const items = rule.items.map(compileItemSql);
  const compile = (logic: RuleLogic): RawBuilder<boolean> => {
    switch (logic.kind) {
      case 'item':
        return items[logic.item - 1]!;
      case 'not':
        return sql<boolean>`(not ${compile(logic.term)})`;
      case 'and':
      case 'or':
        return sql<boolean>`(${sql.join(logic.terms.map(compile), sql.raw(` ${logic.kind} `))})`;
    }
  };
  return compile(rule.parsedLogic);
}
