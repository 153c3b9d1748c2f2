// Whether a plan reads a payee's credits only through their running totals per measure: every
// rate table cumulative and without `when`, no per-credit bonus. For such a plan the credits of one
// day, measure and currency can be summed into one before the engine sees them (the tier function
// of a running total telescopes over a day), which is how a run keeps a manager's tens of
// thousands of roll-up credits cheap. Attainment bonuses, MBOs and guarantees read totals only.
import type { Plan } from './plan-schema.ts';

export function isCreditBlind(plan: Plan): boolean {
  return plan.components.every((component) => {
    switch (component.kind) {
      case 'rate-table':
        return component.scope === 'cumulative' && component.when === undefined;
      case 'per-credit-bonus':
        return false;
      default:
        return true;
    }
  });
}
