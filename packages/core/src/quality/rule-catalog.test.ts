import { describe, expect, test } from 'vitest';
import {
  DEFAULT_THRESHOLDS,
  isRuleName,
  parseThresholdArguments,
  QUALITY_RULES,
  RULE_NAMES,
  resolveThresholds,
  THRESHOLDS,
} from './rule-catalog.ts';

describe('the rule catalog', () => {
  test('names are unique snake_case, each rule says what it flags and reads only known thresholds', () => {
    expect(new Set(RULE_NAMES).size).toBe(QUALITY_RULES.length);
    for (const rule of QUALITY_RULES) {
      expect(rule.name).toMatch(/^[a-z]+(_[a-z]+)+$/);
      expect(rule.description.length).toBeGreaterThan(20);
      for (const t of rule.thresholds) expect(Object.keys(THRESHOLDS)).toContain(t);
    }
    expect(isRuleName('opportunity_stale')).toBe(true);
    expect(isRuleName('stale')).toBe(false);
  });
});

describe('thresholds', () => {
  test('defaults: 30 stale days, 2 pushes, the usual won and lost stage names', () => {
    expect(resolveThresholds()).toEqual(DEFAULT_THRESHOLDS);
    expect(DEFAULT_THRESHOLDS.staleDays).toBe(30);
    expect(DEFAULT_THRESHOLDS.pushCount).toBe(2);
    expect(DEFAULT_THRESHOLDS.wonStages).toContain('Closed Won');
    expect(DEFAULT_THRESHOLDS.lostStages).toContain('Closed Lost');
  });

  test('later layers win: the workspace setting over defaults, the command line over both', () => {
    const setting = { staleDays: 45, lostStages: ['Lost', 'No decision'] };
    const run = parseThresholdArguments(['staleDays=60', 'wonStages=Won, Booked']);
    expect(resolveThresholds(setting, run)).toEqual({
      staleDays: 60,
      pushCount: 2,
      wonStages: ['Won', 'Booked'],
      lostStages: ['Lost', 'No decision'],
    });
  });

  test('unknown names and bad values are coded errors', () => {
    expect(() => resolveThresholds({ stale: 3 })).toThrow(
      expect.objectContaining({ code: 'QUALITY_THRESHOLD_UNKNOWN' }),
    );
    for (const bad of [
      { staleDays: -1 },
      { staleDays: '1.5' },
      { pushCount: 0 },
      { wonStages: '' },
      { wonStages: [1] },
    ]) {
      expect(() => resolveThresholds(bad), JSON.stringify(bad)).toThrow(
        expect.objectContaining({ code: 'QUALITY_THRESHOLD_INVALID' }),
      );
    }
    expect(() => parseThresholdArguments(['staleDays'])).toThrow(
      expect.objectContaining({ code: 'QUALITY_THRESHOLD_INVALID' }),
    );
  });
});
