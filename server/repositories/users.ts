/** People with an account. Emails are stored lower-cased, so one address is one account. */
import type { Knex } from 'knex';
import type { Session } from './sessions.ts';

export interface User {
  id: string;
  email: string;
  forename: string;
  surname: string;
  passwordHash: string;
  role: 'referrer' | 'staff';
  createdAt: number;
  passwordChangedAt: number;
}

type Row = {
  id: string;
  email: string;
  forename: string;
  surname: string;
  password_hash: string;
  role: User['role'];
  created_at: number;
  password_changed_at: number;
};

const toUser = (row: Row): User => ({
  id: row.id,
  email: row.email,
  forename: row.forename,
  surname: row.surname,
  passwordHash: row.password_hash,
  role: row.role,
  createdAt: Number(row.created_at),
  passwordChangedAt: Number(row.password_changed_at),
});

export function createUsersRepository(db: Knex) {
  return {
    async findByEmail(email: string, trx: Knex = db): Promise<User | null> {
      const row = await trx<Row>('users').where({ email: email.toLowerCase() }).first();
      return row ? toUser(row) : null;
    },
    async findById(id: string, trx: Knex = db): Promise<User | null> {
      const row = await trx<Row>('users').where({ id }).first();
      return row ? toUser(row) : null;
    },
    /** The referrer a session (by its id's hash) belongs to, with the session, in one query; null when either is gone. */
    async findWithSession(idHash: string, trx: Knex = db): Promise<{ user: User; session: Session } | null> {
      const row = await trx('sessions')
        .join('users', 'users.id', 'sessions.user_id')
        .where('sessions.id_hash', idHash)
        .first(
          'users.*',
          'sessions.created_at as session_created_at',
          'sessions.last_seen_at as session_last_seen_at',
          'sessions.expires_at as session_expires_at',
          'sessions.revoked_at as session_revoked_at',
        );
      return row
        ? {
            user: toUser(row),
            session: {
              idHash,
              userId: row.id,
              createdAt: Number(row.session_created_at),
              lastSeenAt: Number(row.session_last_seen_at),
              expiresAt: Number(row.session_expires_at),
              revokedAt: row.session_revoked_at === null ? null : Number(row.session_revoked_at),
            },
          }
        : null;
    },
    async insert(user: User, trx: Knex = db): Promise<void> {
      await trx('users').insert({
        id: user.id,
        email: user.email.toLowerCase(),
        forename: user.forename,
        surname: user.surname,
        password_hash: user.passwordHash,
        role: user.role,
        created_at: user.createdAt,
        password_changed_at: user.passwordChangedAt,
      });
    },
    async updatePassword(id: string, passwordHash: string, at: number, trx: Knex = db): Promise<void> {
      await trx('users').where({ id }).update({ password_hash: passwordHash, password_changed_at: at });
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
