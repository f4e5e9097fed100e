/** Registrations waiting for their email code: an account is created only when the code is entered. */
import type { Knex } from 'knex';

export interface Registration {
  id: string;
  email: string;
  forename: string;
  surname: string;
  passwordHash: string;
  createdAt: number;
}

type Row = { id: string; email: string; forename: string; surname: string; password_hash: string; created_at: number };

export function createRegistrationsRepository(db: Knex) {
  return {
    async findById(id: string, trx: Knex = db): Promise<Registration | null> {
      const row = await trx<Row>('registrations').where({ id }).first();
      return row
        ? {
            id: row.id,
            email: row.email,
            forename: row.forename,
            surname: row.surname,
            passwordHash: row.password_hash,
            createdAt: Number(row.created_at),
          }
        : null;
    },
    async insert(registration: Registration, trx: Knex = db): Promise<void> {
      await trx('registrations').insert({
        id: registration.id,
        email: registration.email.toLowerCase(),
        forename: registration.forename,
        surname: registration.surname,
        password_hash: registration.passwordHash,
        created_at: registration.createdAt,
      });
    },
    /** Deletes a registration; false when there was none (finished or forgotten already). */
    async delete(id: string, trx: Knex = db): Promise<boolean> {
      return (await trx('registrations').where({ id }).delete()) === 1;
    },
    /** Forgets registrations nobody finished, started (`created_at`) before the cutoff. */
    async deleteExpiredBefore(cutoff: number, trx: Knex = db): Promise<number> {
      return trx('registrations').where('created_at', '<', cutoff).delete();
    },
  };
}

export type RegistrationsRepository = ReturnType<typeof createRegistrationsRepository>;
