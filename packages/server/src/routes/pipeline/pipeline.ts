// Pipeline history routes (issue 6, docs/pipeline.md): GET /api/pipeline/{asof, waterfall,
// funnel, velocity, aging, coverage}, the same shapes as `attain pipeline … --format json`.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { registerPipelineAging } from './aging.ts';
import { registerPipelineAsOf } from './asof.ts';
import { registerPipelineCoverage } from './coverage.ts';
import { registerPipelineFunnel } from './funnel.ts';
import { registerPipelineVelocity } from './velocity.ts';
import { registerPipelineWaterfall } from './waterfall.ts';

export function registerPipeline(app: OpenAPIHono<AppEnv>): void {
  registerPipelineAsOf(app);
  registerPipelineWaterfall(app);
  registerPipelineFunnel(app);
  registerPipelineVelocity(app);
  registerPipelineAging(app);
  registerPipelineCoverage(app);
}
