// Stage-weighted forecast (docs/forecasting.md): won-to-date plus each open deal's amount times its
// stage's probability. Probabilities per stage are configurable; a stage not configured uses the
// deal's own snapshot probability, and a deal without either counts 0.
import { AttainError } from '../errors.ts';
import { Decimal, ZERO } from '../money/decimal.ts';
import type { ForecastOutput, OpenDeal } from './forecast-inputs.ts';
import { CENT } from './forecast-inputs.ts';

/** Stage name → probability in percent (0–100). */
export type StageProbabilities = Readonly<Record<string, Decimal | string | number>>;

export function stageProbability(deal: OpenDeal, configured: StageProbabilities = {}): Decimal {
  const set = deal.stage !== null ? configured[deal.stage] : undefined;
  if (set !== undefined) return new Decimal(set);
  return deal.probability ?? ZERO;
}

export function stageWeighted(
  wonToDate: Decimal,
  open: readonly OpenDeal[],
  configured: StageProbabilities = {},
): ForecastOutput {
  const weighted = open.reduce(
    (sum, deal) => sum.plus(deal.amount.times(stageProbability(deal, configured)).div(100)),
    ZERO,
  );
  return { expected: wonToDate.plus(weighted).toDecimalPlaces(CENT), p10: null, p50: null, p90: null };
}

/** Parses `Prospecting=10,Proposal=50` (the CLI's --stage-probabilities). */
export function parseStageProbabilities(text: string | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of (text ?? '').split(',').filter((p) => p.trim() !== '')) {
    const at = pair.lastIndexOf('=');
    const value = pair.slice(at + 1).trim();
    if (at <= 0 || !/^\d+(\.\d+)?$/.test(value) || Number(value) > 100) {
      throw new AttainError('OPTION_INVALID', `"${pair}" is not stage=probability with a probability 0–100`, {
        value: pair,
      });
    }
    result[pair.slice(0, at).trim()] = value;
  }
  return result;
}
