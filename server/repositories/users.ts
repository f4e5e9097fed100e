/** People with an account. Emails are stored lower-cased, so one address is one account. */
import type { Knex } from 'knex';

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
