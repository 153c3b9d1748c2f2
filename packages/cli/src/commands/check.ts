// attain check [--format json|table] [--rule NAME]... [--threshold name=value]...
// Runs the data-quality rules (core/quality/rule-catalog.ts) and prints what they find. A report,
// not a gate: exit 0 whatever it finds; 2 for an unknown rule or threshold.
import { AttainError } from '@attain/core/errors.ts';
import {
  isRuleName,
  parseThresholdArguments,
  type QualityReport,
  RULE_NAMES,
  type RuleName,
  resolveThresholds,
  ruleNamed,
} from '@attain/core/quality/rule-catalog.ts';
import { runChecks } from '@attain/store/quality/run-checks.ts';
import { type Command, Option } from 'commander';
import { withStore } from '../open-store.ts';

interface CheckOptions {
  format: 'json' | 'table';
  rule: string[];
  threshold: string[];
}

const collect = (value: string, all: string[]) => [...all, value];

export function register(program: Command): void {
  program
    .command('check')
    .description('find data problems that break reporting (data-quality rules; see docs/data-quality.md)')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table']).default('table'))
    .option('--rule <name>', `run only this rule (repeatable): ${RULE_NAMES.join(', ')}`, collect, [])
    .option(
      '--threshold <name=value>',
      'override a threshold for this run (repeatable), e.g. staleDays=45',
      collect,
      [],
    )
    .action(async (options: CheckOptions, command: Command) => {
      const unknown = options.rule.filter((r) => !isRuleName(r));
      if (unknown.length > 0) {
        command.error(
          `error: unknown rule ${unknown.map((r) => `"${r}"`).join(', ')}; rules: ${RULE_NAMES.join(', ')}`,
          {
            exitCode: 2,
            code: 'attain.unknownRule',
          },
        );
      }
      let thresholds: Record<string, string>;
      try {
        thresholds = parseThresholdArguments(options.threshold);
        resolveThresholds(thresholds);
      } catch (error) {
        if (error instanceof AttainError) command.error(`error: ${error.message}`, { exitCode: 2, code: error.code });
        throw error;
      }
      const rules = options.rule.length > 0 ? (options.rule as RuleName[]) : undefined;
      const today = new Date().toISOString().slice(0, 10);
      const report = await withStore(command, 'attain check', (store) =>
        runChecks(store.db, { today, rules, thresholds }),
      );
      process.stdout.write(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatTable(report));
    });
}

/** Rule by rule: a heading with severity, count and what the rule means, then one line per issue. */
export function formatTable(report: QualityReport): string {
  const lines: string[] = [];
  for (const [rule, count] of Object.entries(report.summary)) {
    const { severity, description } = ruleNamed(rule as RuleName);
    lines.push(`${rule} (${severity}): ${count === 1 ? '1 issue' : `${count} issues`} — ${description}`);
    const issues = report.issues.filter((i) => i.rule === rule);
    const width = Math.max(0, ...issues.map((i) => i.id.length));
    for (const issue of issues) lines.push(`  ${issue.id.padEnd(width)}  ${issue.message}`);
    lines.push('');
  }
  const total = report.issues.length;
  const errors = report.issues.filter((i) => i.severity === 'error').length;
  const warnings = total - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    `${plural(total, 'issue')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) from ${plural(Object.keys(report.summary).length, 'rule')}`,
  );
  return `${lines.join('\n')}\n`;
}
