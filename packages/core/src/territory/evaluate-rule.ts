// Evaluates a rule against one account in memory — for tests, previews and explanations. The
// assignment run itself compiles the same rule to SQL (store/territory/compile-rule-sql.ts) and
// must agree with this: text compares case-insensitively (after trimming), numbers as Decimal,
// `between` is inclusive, and an empty field is equal to nothing, in nothing, and starts with
// nothing (so not_equals and not_in hold for it).
import { Decimal } from '../money/decimal.ts';
import { evaluateLogic, type RuleLogic } from './parse-rule-logic.ts';
import { RULE_FIELDS, type RuleItem } from './rule-schema.ts';

/** An account as rules see it: text fields as strings, numbers as decimal strings, parent by externalId. */
export type RuleAccount = Partial<Record<keyof typeof RULE_FIELDS, string | number | null>>;

export function evaluateItem(item: RuleItem, account: RuleAccount): boolean {
  const raw = account[item.field];
  const text = raw === null || raw === undefined ? '' : String(raw).trim();
  const empty = text === '';
  if (item.operator === 'is_empty') return empty;
  if (item.operator === 'is_not_empty') return !empty;
  const isNumber = RULE_FIELDS[item.field] === 'number';
  const same = (v: string) => (isNumber ? new Decimal(text).equals(v) : text.toLowerCase() === v.toLowerCase());
  const values = Array.isArray(item.value) ? item.value : [item.value ?? ''];
  switch (item.operator) {
    case 'equals':
      return !empty && same(values[0]!);
    case 'not_equals':
      return empty || !same(values[0]!);
    case 'in':
      return !empty && values.some(same);
    case 'not_in':
      return empty || !values.some(same);
    case 'starts_with':
      return !empty && text.toLowerCase().startsWith(values[0]!.toLowerCase());
    case 'between': {
      if (empty) return false;
      const x = new Decimal(text);
      return x.greaterThanOrEqualTo(values[0]!) && x.lessThanOrEqualTo(values[1]!);
    }
  }
}

export function evaluateRule(rule: { items: RuleItem[]; parsedLogic: RuleLogic }, account: RuleAccount): boolean {
  return evaluateLogic(
    rule.parsedLogic,
    rule.items.map((item) => evaluateItem(item, account)),
  );
}
