// Users of Attain and their role (DESIGN §9). Passwords arrive already hashed (argon2, in server).
import { AttainError } from '@attain/core/errors.ts';
import type { Kysely } from 'kysely';
import { writeAudit } from '../audit/write-audit.ts';
import type { Database } from '../schema.ts';

export const ROLES = ['admin', 'ops', 'finance', 'manager', 'rep'] as const;
export type Role = (typeof ROLES)[number];

export interface UserRow {
  id: string;
  email: string;
  role: Role;
  passwordHash: string;
  personId: string | null;
  personExternalId: string | null;
  personName: string | null;
}

export interface NewUser {
  email: string;
  role: string;
  passwordHash: string;
  personExternalId?: string | undefined;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export async function createUser(db: Kysely<Database>, user: NewUser, actor: string): Promise<UserRow> {
  const email = user.email.trim();
  if (!EMAIL.test(email)) throw new AttainError('USER_INVALID', `"${user.email}" is not an email address`, { email });
  if (!ROLES.includes(user.role as Role)) {
    throw new AttainError('USER_INVALID', `Role "${user.role}" is not one of ${ROLES.join(', ')}`, { role: user.role });
  }
  const role = user.role as Role;
  if ((role === 'manager' || role === 'rep') && !user.personExternalId) {
    throw new AttainError('USER_INVALID', `A ${role} user needs --person: what they see follows that person`, { role });
  }
  return db.transaction().execute(async (trx) => {
    let personId: string | null = null;
    if (user.personExternalId) {
      const person = await trx
        .selectFrom('people')
        .select('id')
        .where('external_id', '=', user.personExternalId)
        .executeTakeFirst();
      if (!person) {
        throw new AttainError('USER_UNKNOWN_PERSON', `No person with external id "${user.personExternalId}"`, {
          person: user.personExternalId,
        });
      }
      personId = person.id;
    }
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .executeTakeFirst();
    if (taken) throw new AttainError('USER_EXISTS', `A user with email ${email} already exists`, { email });
    const row = await trx
      .insertInto('users')
      .values({ email, role, password_hash: user.passwordHash, person_id: personId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, {
      actor,
      action: 'create',
      entity: 'user',
      entityId: row.id,
      after: { email, role, person: user.personExternalId ?? null },
    });
    return findUserById(trx as unknown as Kysely<Database>, row.id) as Promise<UserRow>;
  });
}

function userQuery(db: Kysely<Database>) {
  return db
    .selectFrom('users as u')
    .leftJoin('people as p', 'p.id', 'u.person_id')
    .where('u.disabled_at', 'is', null)
    .select([
      'u.id',
      'u.email',
      'u.role',
      'u.password_hash as passwordHash',
      'u.person_id as personId',
      'p.external_id as personExternalId',
      'p.name as personName',
    ]);
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  const row = await userQuery(db)
    .where((eb) => eb(eb.fn('lower', ['u.email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst();
  return row as UserRow | undefined;
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return (await userQuery(db).where('u.id', '=', id).executeTakeFirst()) as UserRow | undefined;
}
