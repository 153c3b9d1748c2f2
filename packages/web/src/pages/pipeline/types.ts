// The pipeline history answers (docs/pipeline.md), as the web app reads them.
export type WaterfallStep =
  | 'start'
  | 'created'
  | 'pulledIn'
  | 'increased'
  | 'decreased'
  | 'pushedOut'
  | 'lost'
  | 'won'
  | 'end';

export interface PipelinePeriod {
  period: string;
  start: string;
  end: string;
}

export interface Waterfall {
  from: string;
  to: string;
  period: PipelinePeriod;
  currency: string;
  steps: { step: WaterfallStep; amount: string; count: number }[];
}

export interface Funnel {
  basis: 'created' | 'closed';
  period: PipelinePeriod;
  stages: {
    stage: string;
    nextStage: string;
    reached: number;
    reachedNext: number;
    won: number;
    conversion: string | null;
    winRate: string | null;
  }[];
  deals: { total: number; open: number; won: number; lost: number; winRate: string | null };
}

export interface AgingFigure {
  count: number;
  amount: string;
}

export interface AgingStage extends AgingFigure {
  stage: string;
  avgAgeDays: string | null;
  avgDaysInStage: string | null;
  buckets: ({ bucket: string } & AgingFigure)[];
}

export interface Aging {
  asOf: string;
  currency: string;
  stages: AgingStage[];
  total: AgingStage;
}

export const stepLabels: Record<WaterfallStep, string> = {
  start: 'Start',
  created: 'Created',
  pulledIn: 'Pulled in',
  increased: 'Increased',
  decreased: 'Decreased',
  pushedOut: 'Pushed out',
  lost: 'Lost',
  won: 'Won',
  end: 'End',
};

/** Steps that take away from the pipeline: start + … − decreased − pushed out − lost − won = end. */
export const SUBTRACTED: ReadonlySet<WaterfallStep> = new Set(['decreased', 'pushedOut', 'lost', 'won']);
