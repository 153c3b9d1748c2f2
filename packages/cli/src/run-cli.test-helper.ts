// Runs the real `attain` binary in a child process, as a user would, for CLI tests.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ATTAIN_BIN = join(dirname(fileURLToPath(import.meta.url)), '../bin/attain.js');
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const result = spawnSync(process.execPath, [ATTAIN_BIN, ...args], {
    cwd: REPO_ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, [ATTAIN_BIN, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env } });
}
