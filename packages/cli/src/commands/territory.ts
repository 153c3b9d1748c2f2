// attain territory assign|move|moves|rules|tree (DESIGN §5.1, docs/territories.md). Each group of
// subcommands lives in its own territory-*.ts file and registers itself on this command.
import type { Command } from 'commander';
import { registerAssign } from './territory-assign.ts';
import { registerBalance } from './territory-balance.ts';
import { registerMove } from './territory-move.ts';
import { registerRules } from './territory-rules.ts';
import { registerScenario } from './territory-scenario.ts';

export function register(program: Command): void {
  const territory = program.command('territory').description('territories: assignment, moves, rules, the tree');
  registerAssign(territory);
  registerMove(territory);
  registerRules(territory);
  registerScenario(territory);
  registerBalance(territory);
}
