// attain serve [--port 4000] [--host 127.0.0.1]: the API and the web app.
import { startServer } from '@attain/server/start-server.ts';
import type { Store } from '@attain/store/open-store.ts';
import { type Command, InvalidArgumentError } from 'commander';
import { buildWebIfNeeded, WEB_DIST } from '../build-web.ts';
import { openCliStore } from '../open-store.ts';

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port is 0–65535');
  return port;
}

/** Serves until SIGINT/SIGTERM, then closes the server and the store (releasing the data folder). */
export async function serveUntilStopped(store: Store, port: number, host: string): Promise<string> {
  const server = await startServer({ store, port, host, webDist: WEB_DIST });
  const stop = async () => {
    await server.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server.url;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the API and the web app')
    .option('--port <n>', 'port to listen on', parsePort, 4000)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .action(async (options: { port: number; host: string }, command: Command) => {
      buildWebIfNeeded((line) => process.stderr.write(`${line}\n`));
      const store = await openCliStore(command, 'attain serve');
      const url = await serveUntilStopped(store, options.port, options.host);
      process.stdout.write(`Attain is running at ${url} (Ctrl-C to stop)\n`);
    });
}
