// The order of open stages for the funnel, velocity and aging (DESIGN §8 pipeline history).
// Reading chosen: a configured list wins; otherwise the data decides — each stage seen on open
// snapshots is placed by the average probability recorded with it (Prospecting 10 % before
// Proposal 50 %), ties and stages without any probability by name. Closed stages never appear:
// status, not stage, says won or lost.
import { AttainError } from '../errors.ts';

export interface ObservedStage {
  stage: string;
  /** Mean probability (0–100) on open snapshots at this stage, as a decimal string; null if never given. */
  avgProbability: string | null;
}

export function orderStages(observed: readonly ObservedStage[], configured?: readonly string[]): string[] {
  if (configured && configured.length > 0) {
    const names = configured.map((s) => s.trim()).filter((s) => s.length > 0);
    if (new Set(names.map((s) => s.toLowerCase())).size !== names.length) {
      throw new AttainError('STAGES_INVALID', `A stage is named twice in "${configured.join(',')}"`, {
        stages: configured,
      });
    }
    // Stages in the data but missing from the list go last, in data order, so no deal disappears.
    const listed = new Set(names.map((s) => s.toLowerCase()));
    const rest = orderStages(observed).filter((s) => !listed.has(s.toLowerCase()));
    return [...names, ...rest];
  }
  const probability = (s: ObservedStage) =>
    s.avgProbability === null ? Number.POSITIVE_INFINITY : Number(s.avgProbability);
  return [...observed]
    .sort((a, b) => probability(a) - probability(b) || (a.stage < b.stage ? -1 : a.stage > b.stage ? 1 : 0))
    .map((s) => s.stage);
}

export function parseStageList(list: string | undefined): string[] | undefined {
  if (list === undefined || list.trim() === '') return undefined;
  return list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
