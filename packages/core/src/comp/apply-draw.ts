// Draws per DESIGN §6: the floor holds in the draw's periods; what the payee owes is recovered later.
import { Decimal, ZERO } from '../money/decimal.ts';
import type { Draw } from './plan-schema.ts';

export interface DrawResult {
  readonly paid: Decimal;
  readonly owed: Decimal;
}

export function applyDraw(earned: Decimal, owed: Decimal, draw: Draw | undefined, periodIndex: number): DrawResult {
  const inDraw = draw !== undefined && (draw.periods === undefined || periodIndex < draw.periods);
  const available = earned.minus(owed);
  const paid = Decimal.max(inDraw ? draw.amount : ZERO, available);
  const stillOwed = inDraw && !draw.recoverable ? Decimal.max(ZERO, available.neg()) : paid.minus(available);
  return { paid, owed: stillOwed };
}
