// Server-side sessions: the cookie carries a random token; the table keeps only its SHA-256, so a
// leaked database copy cannot be replayed. Ending a session marks it, it is never deleted.
import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { writeAudit } from '../audit/write-audit.ts';
import type { Database } from '../schema.ts';
import { findUserById, type UserRow } from './user-repository.ts';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function startSession(
  db: Kysely<Database>,
  input: { token: string; csrfToken: string; userId: string; email: string; hours: number },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('sessions')
      .values({
        token_hash: hashToken(input.token),
        user_id: input.userId,
        csrf_token: input.csrfToken,
        expires_at: sql<string>`now() + make_interval(hours => ${input.hours})` as unknown as string,
      })
      .execute();
    await writeAudit(trx, { actor: input.email, action: 'login', entity: 'session', entityId: input.userId });
  });
}

export interface ActiveSession {
  user: UserRow;
  csrfToken: string;
  tokenHash: string;
}

export async function findActiveSession(db: Kysely<Database>, token: string): Promise<ActiveSession | undefined> {
  const row = await db
    .selectFrom('sessions')
    .select(['user_id', 'csrf_token', 'token_hash'])
    .where('token_hash', '=', hashToken(token))
    .where('ended_at', 'is', null)
    .where('expires_at', '>', sql<string>`now()`)
    .executeTakeFirst();
  if (!row) return undefined;
  const user = await findUserById(db, row.user_id);
  return user ? { user, csrfToken: row.csrf_token, tokenHash: row.token_hash } : undefined;
}

export async function endSession(db: Kysely<Database>, tokenHash: string, email: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const ended = await trx
      .updateTable('sessions')
      .set({ ended_at: sql<string>`now()` as unknown as string })
      .where('token_hash', '=', tokenHash)
      .where('ended_at', 'is', null)
      .returning('user_id')
      .executeTakeFirst();
    if (ended) await writeAudit(trx, { actor: email, action: 'logout', entity: 'session', entityId: ended.user_id });
  });
}
