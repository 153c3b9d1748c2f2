// attain demo [--size small|medium|large] [--seed N] [--no-serve] [--port N] [--fresh]
// Generates the demo company into the database, creates one login per role, and serves the app.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { assertIsoDate } from '@attain/core/dates/iso-date.ts';
import { DEMO_SIZES, type DemoSize } from '@attain/core/demo/demo-size.ts';
import { AttainError } from '@attain/core/errors.ts';
import { hashPassword } from '@attain/server/auth/password.ts';
import { createDemoUsers, type DemoLogin } from '@attain/store/demo/demo-users.ts';
import { loadDemoCompany } from '@attain/store/demo/load-demo-company.ts';
import { loadDemoForecastCalls } from '@attain/store/demo/load-forecast-calls.ts';
import { runDemoComp } from '@attain/store/demo/run-demo-comp.ts';
import type { Store } from '@attain/store/open-store.ts';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { buildWebIfNeeded } from '../build-web.ts';
import { dataDirOf, openCliStore } from '../open-store.ts';
import { progressPrinter } from '../progress.ts';
import { parsePort, serveUntilStopped } from './serve.ts';

interface DemoOptions {
  size: DemoSize;
  seed: number;
  serve: boolean;
  comp: boolean;
  port: number;
  fresh: boolean;
  asOf: string;
}

const say = (line: string) => process.stderr.write(`${line}\n`);

function parseSeed(value: string): number {
  const seed = Number(value);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new InvalidArgumentError('a seed is a whole number ≥ 0');
  return seed;
}

function parseDate(value: string): string {
  try {
    return assertIsoDate(value);
  } catch {
    throw new InvalidArgumentError('a date is YYYY-MM-DD');
  }
}

async function holdsCompany(store: Store): Promise<{ people: boolean; demo: boolean }> {
  const people = await store.db.selectFrom('people').select('id').limit(1).execute();
  const demo = await store.db.selectFrom('settings').select('key').where('key', '=', 'demo').execute();
  return { people: people.length > 0, demo: demo.length > 0 };
}

async function openEmpty(command: Command, options: DemoOptions): Promise<{ store: Store; reused: boolean }> {
  let store = await openCliStore(command, 'attain demo');
  const held = await holdsCompany(store);
  if (!held.people) return { store, reused: false };
  if (!options.fresh) {
    if (!held.demo) {
      await store.close();
      throw new AttainError(
        'DEMO_NOT_EMPTY',
        'This database already holds a company that is not the demo; point --data (or DATABASE_URL) elsewhere for the demo',
      );
    }
    say('The database already holds the demo company: using it (--fresh generates it anew).');
    return { store, reused: true };
  }
  if (!held.demo || store.driver !== 'pglite') {
    await store.close();
    throw new AttainError(
      'DEMO_NOT_EMPTY',
      '--fresh only replaces a demo company in an embedded data folder; this database holds other data or is a server',
    );
  }
  await store.close();
  rmSync(join(dataDirOf(command), 'pgdata'), { recursive: true, force: true });
  store = await openCliStore(command, 'attain demo');
  return { store, reused: false };
}

function printLogins(logins: DemoLogin[]): void {
  say('\nLog in as (password for all: attain-demo):');
  for (const login of logins) {
    say(`  ${login.role.padEnd(8)} ${login.email.padEnd(22)} ${login.person ? `(${login.person})` : ''}`);
  }
}

export function register(program: Command): void {
  program
    .command('demo')
    .description('generate the demo company, create one login per role, and serve the app')
    .addOption(new Option('--size <size>', 'how big a company').choices([...DEMO_SIZES]).default('medium'))
    .option('--seed <n>', 'random seed: the same seed gives the same company', parseSeed, 42)
    .option('--no-serve', 'load the demo and exit (for scripts)')
    .option('--no-comp', 'skip the compensation runs of the fiscal year so far')
    .option('--port <n>', 'port to serve on', parsePort, 4000)
    .option('--fresh', 'replace an existing demo company in the data folder', false)
    .option('--as-of <date>', "the demo's today (default: today)", parseDate, new Date().toISOString().slice(0, 10))
    .action(async (options: DemoOptions, command: Command) => {
      const started = Date.now();
      if (options.serve) buildWebIfNeeded(say);
      const { store, reused } = await openEmpty(command, options);
      try {
        let logins: DemoLogin[];
        if (reused) {
          const users = await store.db.selectFrom('users').select(['role', 'email']).orderBy('id').execute();
          logins = users.map((u) => ({
            role: u.role as DemoLogin['role'],
            email: u.email,
            password: '',
            person: null,
          }));
        } else {
          say(
            `Generating the ${options.size} demo company (seed ${options.seed}, as of ${options.asOf}) into ${store.location}…`,
          );
          const result = await loadDemoCompany(store.db, {
            size: options.size,
            seed: options.seed,
            today: options.asOf,
            onProgress: progressPrinter(),
          });
          logins = await createDemoUsers(store.db, result.loginPeople, hashPassword);
          const counts = Object.entries(result.counts)
            .map(([table, n]) => `${table} ${Number(n).toLocaleString('en-US')}`)
            .join(', ');
          say(`Loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts}`);
          const calls = await loadDemoForecastCalls(store.db, { today: options.asOf, seed: options.seed });
          say(`Forecast calls: ${calls.calls.toLocaleString('en-US')} weekly submissions`);
          if (options.comp) {
            const compStarted = Date.now();
            const comp = await runDemoComp(store.db, { today: options.asOf, onProgress: progressPrinter() });
            if (comp.approved) {
              say(
                `Compensation ${comp.months[0]}–${comp.approved} in ${((Date.now() - compStarted) / 1000).toFixed(1)} s: ${comp.closed.length} months closed, ${comp.approved} approved (close it in the app), ${comp.held} payees held`,
              );
            }
          }
        }
        printLogins(logins);
        if (!options.serve) {
          await store.close();
          return;
        }
        const url = await serveUntilStopped(store, options.port, '127.0.0.1');
        process.stdout.write(`\nAttain is running at ${url} (Ctrl-C to stop)\n`);
      } catch (error) {
        await store.close();
        throw error;
      }
    });
}
