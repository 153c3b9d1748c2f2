// PGlite serves one process per data folder (DESIGN §10). A lock file with the owner's pid makes a
// second process say DATA_IN_USE at once instead of waiting or corrupting the folder.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AttainError } from '@attain/core/errors.ts';

const LOCK_FILE = 'attain.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataFolder(dir: string, purpose: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, purpose, since: new Date().toISOString() }));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new AttainError(
          'DATA_IN_USE',
          `The data folder ${dir} is in use by process ${holder.pid} (${holder.purpose}). Stop it first, or point DATABASE_URL at a PostgreSQL server to share data between processes.`,
          { dir, pid: holder.pid, purpose: holder.purpose },
        );
      }
      rmSync(path, { force: true }); // stale lock of a process that is gone
    }
  }
  throw new AttainError('DATA_IN_USE', `Could not lock the data folder ${dir}`, { dir });
}

function readHolder(path: string): { pid: number; purpose: string } | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown; purpose?: unknown };
    return typeof parsed.pid === 'number'
      ? { pid: parsed.pid, purpose: String(parsed.purpose ?? 'attain') }
      : undefined;
  } catch {
    return undefined;
  }
}
