// The `attain` command: parses arguments and hands off to the packages below (DESIGN §10).
// Exit 0 on success, 1 on a coded error (message on stderr), 2 on wrong usage.

import { isAttainError } from '@attain/core/errors.ts';
import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index.ts';

const program = new Command('attain')
  .description('Attain: the sales operations platform')
  .option('--data <dir>', 'data folder of the embedded database (env ATTAIN_DATA, default ./.attain)')
  .showHelpAfterError('(run with --help for usage)')
  .showSuggestionAfterError(true)
  .exitOverride();

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // --help and --version end through here with exit code 0.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (isAttainError(error)) {
    process.stderr.write(`error ${error.code}: ${error.message}\n`);
    if (Object.keys(error.details).length > 0 && process.env.ATTAIN_DEBUG) {
      process.stderr.write(`${JSON.stringify(error.details, null, 2)}\n`);
    }
    return 1;
  }
  process.stderr.write(
    `unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return 1;
}
