// attain comp run|approve|close|adjust|plan|statements|payroll|amortization (DESIGN §5–§6,
// docs/compensation.md). Each group of subcommands lives in its own comp-*.ts file and registers
// itself on this command.
import type { Command } from 'commander';
import { registerCompAmortization } from './comp-amortization.ts';
import { registerCompPayroll } from './comp-payroll.ts';
import { registerCompPlan } from './comp-plan.ts';
import { registerCompRun } from './comp-run.ts';
import { registerCompStatements } from './comp-statements.ts';

export function register(program: Command): void {
  const comp = program
    .command('comp')
    .description('compensation: plans, runs, approval and close, statements, payroll');
  registerCompPlan(comp);
  registerCompRun(comp);
  registerCompStatements(comp);
  registerCompPayroll(comp);
  registerCompAmortization(comp);
}
