// Territory routes (DESIGN §5.1): the tree and account lists, move requests, the assignment run.
// Scenario and balancing routes register here too.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { registerAssign } from './assign.ts';
import { registerMoves } from './moves.ts';
import { registerScenarios } from './scenarios.ts';
import { registerTerritories } from './territories.ts';

export function registerTerritory(app: OpenAPIHono<AppEnv>): void {
  registerTerritories(app);
  registerMoves(app);
  registerAssign(app);
  registerScenarios(app);
}
