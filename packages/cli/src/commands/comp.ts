// attain comp run|approve|close|adjust|plan|statements|payroll|amortization (DESIGN §5–§6,
// docs/compensation.md). Each group of subcommands lives in its own comp-*.ts file and registers
// itself on this command.
import type { Command } from 'commander';

export function register(program: Command): void {
  program.command('comp').description('compensation: plans, runs, approval and close, statements, payroll');
}
