/**
 * Signed-in sessions, found by the hash of their id; revoked ones stay revoked. Referrers' are in
 * `sessions` (owner `user_id`), council staff's in `staff_sessions` (owner `staff_id`).
 */
import type { Knex } from 'knex';

export interface Session {
  idHash: string;
  userId: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

type Row = {
  id_hash: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  revoked_at: number | null;
};

export interface SessionTable {
  table: 'sessions' | 'staff_sessions';
  owner: 'user_id' | 'staff_id';
}

const REFERRERS: SessionTable = { table: 'sessions', owner: 'user_id' };

export function createSessionsRepository(db: Knex, { table, owner }: SessionTable = REFERRERS) {
  return {
    async insert(session: Session, trx: Knex = db): Promise<void> {
      await trx(table).insert({
        id_hash: session.idHash,
        [owner]: session.userId,
        created_at: session.createdAt,
        last_seen_at: session.lastSeenAt,
        expires_at: session.expiresAt,
        revoked_at: session.revokedAt,
      });
    },
    async findByIdHash(idHash: string, trx: Knex = db): Promise<Session | null> {
      const row = await trx<Row & Record<string, string>>(table).where({ id_hash: idHash }).first();
      return row
        ? {
            idHash: row.id_hash,
            userId: row[owner]!,
            createdAt: Number(row.created_at),
            lastSeenAt: Number(row.last_seen_at),
            expiresAt: Number(row.expires_at),
            revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
          }
        : null;
    },
    async touch(idHash: string, at: number, trx: Knex = db): Promise<void> {
      await trx(table).where({ id_hash: idHash }).update({ last_seen_at: at });
    },
    async revoke(idHash: string, at: number, trx: Knex = db): Promise<void> {
      await trx(table).where({ id_hash: idHash }).whereNull('revoked_at').update({ revoked_at: at });
    },
    /** Forgets sessions that ended (`expires_at` or `revoked_at`) before the cutoff. */
    async deleteExpiredBefore(cutoff: number, trx: Knex = db): Promise<number> {
      return trx(table).where('expires_at', '<', cutoff).orWhere('revoked_at', '<', cutoff).delete();
    },
    /** Ends every session of a user (password changed or reset), except the one named. */
    async revokeAllForUser(
      userId: string,
      at: number,
      exceptIdHash: string | null = null,
      trx: Knex = db,
    ): Promise<number> {
      const query = trx(table)
        .where({ [owner]: userId })
        .whereNull('revoked_at');
      if (exceptIdHash) query.andWhereNot({ id_hash: exceptIdHash });
      return query.update({ revoked_at: at });
    },
  };
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
