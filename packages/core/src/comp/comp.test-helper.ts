// Builds scenarios for the hand-worked tests: one plan, one payee, credits written as in YAML.

import { validateScenario } from './scenario-schema.ts';
import { type SimulationResult, simulate } from './simulate.ts';

export type Row = [period: string, amount: string];

export function runScenario(value: Record<string, unknown>, explain = false): SimulationResult {
  return simulate(validateScenario(value), { explain });
}

/** One payee under a plan; returns that payee's result. */
export function runPayee(
  plan: Record<string, unknown>,
  payee: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  const result = runScenario({
    plan: { id: 'p', currency: 'USD', ...plan },
    payees: [{ id: 'rep', ...payee }],
    ...extra,
  });
  return result.payees[0]!;
}

/** The periods with a non-zero amount of one component, as [period, amount]. */
export function amountsOf(payee: SimulationResult['payees'][number], component: string): Row[] {
  return payee.periods.map((p) => [p.period, p.components[component]!] as Row).filter(([, a]) => a !== '0.00');
}

export const credit = (id: string, date: string, amount: number | string, more: Record<string, unknown> = {}) => ({
  id,
  date,
  amount,
  ...more,
});
