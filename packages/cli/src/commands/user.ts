// attain user add --email E --role R [--person ID] --password-stdin (DESIGN §11)
import { AttainError } from '@attain/core/errors.ts';
import { hashPassword } from '@attain/server/auth/password.ts';
import { createUser, ROLES } from '@attain/store/auth/user-repository.ts';
import { type Command, Option } from 'commander';
import { withStore } from '../open-store.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export const MIN_PASSWORD_LENGTH = 10;

export function register(program: Command): void {
  const user = program.command('user').description('users who log in to Attain');
  user
    .command('add')
    .description('create a user; the password is read from standard input')
    .requiredOption('--email <email>', 'login email')
    .addOption(new Option('--role <role>', 'what the user may see and do').choices([...ROLES]).makeOptionMandatory())
    .option('--person <externalId>', "the person a manager or rep is (their visibility follows that person's team)")
    .requiredOption('--password-stdin', 'read the password from standard input (first line)')
    .action(async (options: { email: string; role: string; person?: string }, command: Command) => {
      const password = (await readStdin()).split(/\r?\n/)[0] ?? '';
      if (password.length < MIN_PASSWORD_LENGTH) {
        throw new AttainError('USER_INVALID', `The password must be at least ${MIN_PASSWORD_LENGTH} characters`, {});
      }
      const passwordHash = await hashPassword(password);
      const created = await withStore(command, 'attain user add', (store) =>
        createUser(
          store.db,
          { email: options.email, role: options.role, passwordHash, personExternalId: options.person },
          process.env.USER ?? 'cli',
        ),
      );
      process.stdout.write(
        `Created ${created.role} ${created.email}${created.personExternalId ? ` (${created.personName})` : ''}\n`,
      );
    });
}
