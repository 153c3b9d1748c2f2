// Every subcommand lives in its own file and registers itself on the program here.
import type { Command } from 'commander';
import { register as registerCalendar } from './calendar.ts';

export function registerCommands(program: Command): void {
  void program;
  registerCalendar(program);
}
