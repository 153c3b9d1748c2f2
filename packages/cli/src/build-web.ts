// `attain demo` and `attain serve` build the web app when its bundle is missing or older than its
// sources, so a fresh clone needs nothing but `npm ci`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AttainError } from '@attain/core/errors.ts';

export const WEB_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../web');
export const WEB_DIST = join(WEB_ROOT, 'dist');

function newestSource(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestSource(join(path, name))));
}

export function webIsStale(): boolean {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return true;
  const sources = ['src', 'index.html', 'vite.config.ts'].map((p) => join(WEB_ROOT, p)).filter((p) => existsSync(p));
  return Math.max(...sources.map(newestSource)) > statSync(index).mtimeMs;
}

export function buildWebIfNeeded(log: (line: string) => void = () => {}): void {
  if (!webIsStale()) return;
  log('Building the web app (once; about 20 s)…');
  // vite's package exports do not include its bin, but do include package.json.
  const vite = join(dirname(createRequire(join(WEB_ROOT, 'package.json')).resolve('vite/package.json')), 'bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: WEB_ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    throw new AttainError('WEB_BUILD_FAILED', `Building the web app failed (vite exited ${result.status})`, {});
  }
}
