// The data-quality rules `attain check` runs (issue 3, docs/data-quality.md): each has a stable
// name, a severity, the entity it flags and the thresholds it reads. Thresholds have defaults here,
// can be changed per workspace (settings row `qualityThresholds`, a JSON object) and per run
// (`--threshold name=value`); later layers win. Pure: the store runs the SQL, the CLI reads the clock.
import { AttainError } from '../errors.ts';

export type Severity = 'error' | 'warning';

export interface QualityIssue {
  rule: RuleName;
  severity: Severity;
  entity: string;
  /** The flagged record's externalId (for fxRates: the currency code). */
  id: string;
  message: string;
}

export interface QualityReport {
  issues: QualityIssue[];
  /** Issues per rule run, 0 when clean. */
  summary: Record<string, number>;
}

export const THRESHOLDS = {
  staleDays: {
    kind: 'days',
    default: 30,
    description: 'an open opportunity is stale when stage, amount and close date have not changed for this many days',
  },
  pushCount: {
    kind: 'count',
    default: 2,
    description: 'an open opportunity is pushed when its close date moved later at least this many times',
  },
  wonStages: {
    kind: 'list',
    default: ['Closed Won', 'Won', 'Closed - Won', 'closedwon'],
    description: 'stage names that mean won (compared trimmed and case-insensitively)',
  },
  lostStages: {
    kind: 'list',
    default: ['Closed Lost', 'Lost', 'Closed - Lost', 'closedlost', 'Disqualified'],
    description: 'stage names that mean lost (compared trimmed and case-insensitively)',
  },
} as const;

export type ThresholdName = keyof typeof THRESHOLDS;

export interface Thresholds {
  staleDays: number;
  pushCount: number;
  wonStages: readonly string[];
  lostStages: readonly string[];
}

export interface QualityRule {
  readonly name: string;
  readonly severity: Severity;
  readonly entity: string;
  readonly description: string;
  readonly thresholds: readonly ThresholdName[];
}

const rule = <const N extends string>(
  name: N,
  severity: Severity,
  entity: string,
  description: string,
  thresholds: readonly ThresholdName[] = [],
) => ({ name, severity, entity, description, thresholds }) satisfies QualityRule;

export const QUALITY_RULES = [
  rule(
    'opportunity_past_close_date',
    'warning',
    'opportunities',
    'open opportunity whose close date is before today (today itself is not past)',
  ),
  rule('opportunity_missing_fields', 'error', 'opportunities', 'opportunity without an account, an owner or an amount'),
  rule('opportunity_nonpositive_amount', 'warning', 'opportunities', 'open opportunity with an amount of zero or less'),
  rule(
    'opportunity_stage_status_mismatch',
    'error',
    'opportunities',
    'stage and status disagree: a won stage not won, a lost stage not lost, a won or lost status at another stage',
    ['wonStages', 'lostStages'],
  ),
  rule(
    'opportunity_stale',
    'warning',
    'opportunities',
    'open opportunity whose stage, amount and close date are unchanged across its snapshots of the last staleDays days',
    ['staleDays'],
  ),
  rule(
    'opportunity_pushed',
    'warning',
    'opportunities',
    'open opportunity whose close date moved later pushCount times or more across its snapshots',
    ['pushCount'],
  ),
  rule('account_without_territory', 'warning', 'accounts', 'account with no account-type territory as of today'),
  rule(
    'account_likely_duplicate',
    'warning',
    'accounts',
    'accounts whose names are the same once lower-cased, without punctuation and legal suffixes',
  ),
  rule(
    'territory_without_owner',
    'warning',
    'territories',
    'territory in force today with no owner today, or only a to-be-hired placeholder',
  ),
  rule(
    'person_without_manager',
    'warning',
    'people',
    'active person without a manager today, except the top of the org (an exec, or in the root org unit)',
  ),
  rule(
    'rep_without_quota',
    'warning',
    'people',
    'active rep with no quota for a period containing today (own, or of a territory they own)',
  ),
  rule(
    'transaction_uncreditable',
    'error',
    'transactions',
    'transaction with no owner, no opportunity owner and no account territory owner on its date: no one can be credited',
  ),
  rule(
    'fx_rate_missing',
    'error',
    'fxRates',
    'a currency in use with no rate to or from the reporting currency on or before a date it is used',
  ),
] as const satisfies readonly QualityRule[];

export type RuleName = (typeof QUALITY_RULES)[number]['name'];

export const RULE_NAMES: readonly RuleName[] = QUALITY_RULES.map((r) => r.name);

export function isRuleName(value: string): value is RuleName {
  return (RULE_NAMES as readonly string[]).includes(value);
}

export function ruleNamed(name: RuleName): (typeof QUALITY_RULES)[number] {
  return QUALITY_RULES.find((r) => r.name === name)!;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  staleDays: THRESHOLDS.staleDays.default,
  pushCount: THRESHOLDS.pushCount.default,
  wonStages: THRESHOLDS.wonStages.default,
  lostStages: THRESHOLDS.lostStages.default,
};

function isThresholdName(value: string): value is ThresholdName {
  return Object.hasOwn(THRESHOLDS, value);
}

/** One threshold value from JSON (a number or a list) or from the command line (text; lists comma-separated). */
function thresholdValue(name: ThresholdName, value: unknown): number | string[] {
  const spec = THRESHOLDS[name];
  const invalid = (expected: string) =>
    new AttainError('QUALITY_THRESHOLD_INVALID', `Threshold ${name}: ${JSON.stringify(value)} is not ${expected}`, {
      threshold: name,
      value,
    });
  if (spec.kind === 'list') {
    const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : undefined;
    if (!items?.every((v) => typeof v === 'string')) throw invalid('a list of names');
    const names = items.map((v: string) => v.trim()).filter((v) => v !== '');
    if (names.length === 0) throw invalid('a list of names');
    return names;
  }
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
  const least = spec.kind === 'count' ? 1 : 0;
  if (!Number.isSafeInteger(number) || number < least) throw invalid(`a whole number ≥ ${least}`);
  return number;
}

/**
 * The thresholds in force: defaults, then each layer in turn (the workspace's `qualityThresholds`
 * setting, then the run's overrides). An unknown name or a bad value is a coded error.
 */
export function resolveThresholds(...layers: (Record<string, unknown> | null | undefined)[]): Thresholds {
  const resolved: Record<string, unknown> = { ...DEFAULT_THRESHOLDS };
  for (const layer of layers) {
    if (layer === null || layer === undefined) continue;
    if (typeof layer !== 'object' || Array.isArray(layer)) {
      throw new AttainError('QUALITY_THRESHOLD_INVALID', 'Quality thresholds are a JSON object of name: value', {
        value: layer,
      });
    }
    for (const [name, value] of Object.entries(layer)) {
      if (!isThresholdName(name)) {
        throw new AttainError(
          'QUALITY_THRESHOLD_UNKNOWN',
          `No threshold named "${name}"; thresholds: ${Object.keys(THRESHOLDS).join(', ')}`,
          { threshold: name },
        );
      }
      resolved[name] = thresholdValue(name, value);
    }
  }
  return resolved as unknown as Thresholds;
}

/** `["staleDays=45", "wonStages=Won,Closed Won"]` → `{ staleDays: "45", wonStages: "Won,Closed Won" }`. */
export function parseThresholdArguments(pairs: readonly string[]): Record<string, string> {
  const parsed: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) {
      throw new AttainError('QUALITY_THRESHOLD_INVALID', `A threshold is name=value, not "${pair}"`, { value: pair });
    }
    parsed[pair.slice(0, at).trim()] = pair.slice(at + 1);
  }
  return parsed;
}

/**
 * Legal-form suffixes dropped from the end of an account name before names are compared for
 * duplicates (after lower-casing and removing punctuation, so "S.A. de C.V." is "sa de cv").
 */
export const LEGAL_SUFFIXES = [
  'sa de cv',
  'de cv',
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'llc',
  'llp',
  'lp',
  'gmbh',
  'ag',
  'kg',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'nv',
  'bv',
  'kk',
  'corp',
  'corporation',
  'co',
  'company',
  'plc',
  'pty',
  'pte',
  'pvt',
  'ltda',
  'oy',
  'ab',
  'as',
  'se',
] as const;
