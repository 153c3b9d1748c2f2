// Uploaded files wait in a private temp folder between upload, preview and import. Ids are random
// UUIDs, so one cannot guess another's upload; folders older than a day are swept on each upload.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AttainError } from '@attain/core/errors.ts';

const ROOT = join(tmpdir(), 'attain-uploads');
const ID = /^[0-9a-f-]{36}$/;
const DAY_MS = 86_400_000;

export interface Upload {
  id: string;
  dir: string;
  file: string;
  fileName: string;
}

function sweep(now: number): void {
  if (!existsSync(ROOT)) return;
  for (const name of readdirSync(ROOT)) {
    const dir = join(ROOT, name);
    if (now - statSync(dir).mtimeMs > DAY_MS) rmSync(dir, { recursive: true, force: true });
  }
}

export function saveUpload(fileName: string, bytes: Uint8Array): Upload {
  sweep(Date.now());
  const id = randomUUID();
  const dir = join(ROOT, id);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const safeName = basename(fileName).replace(/[^\w.\- ]/g, '_') || 'upload.csv';
  const file = join(dir, safeName);
  writeFileSync(file, bytes);
  return { id, dir, file, fileName: safeName };
}

export function findUpload(id: string): Upload {
  const dir = join(ROOT, id);
  if (!ID.test(id) || !existsSync(dir)) {
    throw new AttainError(
      'NOT_FOUND',
      'That upload does not exist (uploads are kept for a day); upload the file again',
      {
        uploadId: id,
      },
    );
  }
  const fileName = readdirSync(dir).find((n) => n !== 'rejected.csv');
  if (!fileName) throw new AttainError('NOT_FOUND', 'That upload has no file', { uploadId: id });
  return { id, dir, file: join(dir, fileName), fileName };
}
