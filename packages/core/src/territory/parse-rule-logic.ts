// The boolean logic of an assignment rule (DESIGN §5.1): item numbers 1..n combined with and, or,
// not and parentheses, e.g. "(1 and 2) or not 3". Precedence: not binds tightest, then and, then
// or; and/or are left-associative. A small recursive-descent parser over
//   or := and ("or" and)* ;  and := not ("and" not)* ;  not := "not" not | primary ;
//   primary := NUMBER | "(" or ")"
// Every error is RULE_INVALID with the 1-based character position where the logic goes wrong.
import { AttainError } from '../errors.ts';

export type RuleLogic =
  | { kind: 'item'; item: number }
  | { kind: 'not'; term: RuleLogic }
  | { kind: 'and' | 'or'; terms: RuleLogic[] };

interface Token {
  text: string;
  position: number;
}

const TOKEN = /\s*(?:(\d+)|(\(|\))|([A-Za-z]+)|(\S))/y;

function tokenize(logic: string, fail: (message: string, position: number) => never): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (;;) {
    const start = TOKEN.lastIndex;
    if (/^\s*$/.test(logic.slice(start))) break;
    const m = TOKEN.exec(logic);
    if (!m) break;
    const text = m[0].trimStart();
    const position = m.index + m[0].length - text.length + 1;
    if (m[4] !== undefined) fail(`unexpected "${text}"`, position);
    if (m[3] !== undefined && !['and', 'or', 'not'].includes(text.toLowerCase())) {
      fail(`unknown word "${text}" (use and, or, not)`, position);
    }
    tokens.push({ text: m[3] !== undefined ? text.toLowerCase() : text, position });
  }
  return tokens;
}

/** Parses `logic` for a rule with `itemCount` items; `rule` names the rule in error messages. */
export function parseRuleLogic(logic: string, itemCount: number, rule = 'rule'): RuleLogic {
  const fail = (message: string, position: number): never => {
    throw new AttainError('RULE_INVALID', `Rule "${rule}": logic "${logic}": ${message} at position ${position}`, {
      rule,
      logic,
      position,
    });
  };
  const tokens = tokenize(logic, fail);
  const end = logic.length + 1;
  let i = 0;
  const peek = () => tokens[i];
  const describe = (t: Token | undefined) => (t ? `"${t.text}"` : 'the end');

  function parseOr(): RuleLogic {
    const terms = [parseAnd()];
    while (peek()?.text === 'or') {
      i += 1;
      terms.push(parseAnd());
    }
    return terms.length === 1 ? terms[0]! : { kind: 'or', terms };
  }
  function parseAnd(): RuleLogic {
    const terms = [parseNot()];
    while (peek()?.text === 'and') {
      i += 1;
      terms.push(parseNot());
    }
    return terms.length === 1 ? terms[0]! : { kind: 'and', terms };
  }
  function parseNot(): RuleLogic {
    if (peek()?.text === 'not') {
      i += 1;
      return { kind: 'not', term: parseNot() };
    }
    return parsePrimary();
  }
  function parsePrimary(): RuleLogic {
    const token = peek();
    if (token === undefined) return fail('expected an item number or "(" but found the end', end);
    if (token.text === '(') {
      i += 1;
      const inner = parseOr();
      const close = peek();
      if (close?.text !== ')') fail(`expected ")" but found ${describe(close)}`, close?.position ?? end);
      i += 1;
      return inner;
    }
    if (/^\d+$/.test(token.text)) {
      const item = Number(token.text);
      if (item < 1 || item > itemCount) {
        fail(
          `there is no item ${token.text} (the rule has ${itemCount} item${itemCount === 1 ? '' : 's'})`,
          token.position,
        );
      }
      i += 1;
      return { kind: 'item', item };
    }
    return fail(`expected an item number or "(" but found ${describe(token)}`, token.position);
  }

  if (tokens.length === 0) fail('the logic is empty', 1);
  const tree = parseOr();
  if (i < tokens.length) fail(`unexpected ${describe(peek())}`, peek()!.position);
  return tree;
}

/** The logic used when a rule gives none: every item must hold. */
export function allItems(itemCount: number): RuleLogic {
  const terms = Array.from({ length: itemCount }, (_, k): RuleLogic => ({ kind: 'item', item: k + 1 }));
  return terms.length === 1 ? terms[0]! : { kind: 'and', terms };
}

/** Evaluates parsed logic given each item's result (item 1 is results[0]). */
export function evaluateLogic(logic: RuleLogic, results: readonly boolean[]): boolean {
  switch (logic.kind) {
    case 'item':
      return results[logic.item - 1] === true;
    case 'not':
      return !evaluateLogic(logic.term, results);
    case 'and':
      return logic.terms.every((t) => evaluateLogic(t, results));
    case 'or':
      return logic.terms.some((t) => evaluateLogic(t, results));
  }
}
