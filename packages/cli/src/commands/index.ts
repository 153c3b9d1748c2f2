// Every subcommand lives in its own file and registers itself on the program here.
import type { Command } from 'commander';
import { register as registerCalendar } from './calendar.ts';
import { register as registerCheck } from './check.ts';
import { register as registerComp } from './comp.ts';
import { register as registerDemo } from './demo.ts';
import { register as registerExport } from './export.ts';
import { register as registerForecast } from './forecast.ts';
import { register as registerImport } from './import.ts';
import { register as registerPipeline } from './pipeline.ts';
import { register as registerQuery } from './query.ts';
import { register as registerServe } from './serve.ts';
import { register as registerSimulate } from './simulate.ts';
import { register as registerTerritory } from './territory.ts';
import { register as registerUser } from './user.ts';

export function registerCommands(program: Command): void {
  registerCalendar(program);
  registerCheck(program);
  registerComp(program);
  registerDemo(program);
  registerExport(program);
  registerForecast(program);
  registerImport(program);
  registerPipeline(program);
  registerQuery(program);
  registerServe(program);
  registerSimulate(program);
  registerTerritory(program);
  registerUser(program);
}
