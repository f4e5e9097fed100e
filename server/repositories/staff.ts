/** Council staff and their recovery codes (their sessions are in sessions.ts, over staff_sessions). */
import type { Knex } from 'knex';

export interface StaffMember {
  id: string;
  email: string;
  forename: string;
  surname: string;
  isAdmin: boolean;
  passwordHash: string | null;
  setupCodeHash: string | null;
  setupExpiresAt: number | null;
  /** Sealed (answers-at-rest), never the secret in clear. */
  totpSecret: string | null;
  totpEnrolledAt: number | null;
  totpLastStep: number | null;
  disabledAt: number | null;
  createdAt: number;
}

type Row = {
  id: string;
  email: string;
  forename: string;
  surname: string;
  is_admin: boolean | number;
  password_hash: string | null;
  setup_code_hash: string | null;
  setup_expires_at: number | null;
  totp_secret: string | null;
  totp_enrolled_at: number | null;
  totp_last_step: number | null;
  disabled_at: number | null;
  created_at: number;
};

const orNumber = (value: number | string | null) => (value === null ? null : Number(value));

function fromRow(row: Row): StaffMember {
  return {
    id: row.id,
    email: row.email,
    forename: row.forename,
    surname: row.surname,
    isAdmin: Boolean(row.is_admin),
    passwordHash: row.password_hash,
    setupCodeHash: row.setup_code_hash,
    setupExpiresAt: orNumber(row.setup_expires_at),
    totpSecret: row.totp_secret,
    totpEnrolledAt: orNumber(row.totp_enrolled_at),
    totpLastStep: orNumber(row.totp_last_step),
    disabledAt: orNumber(row.disabled_at),
    createdAt: Number(row.created_at),
  };
}

const COLUMNS: Record<keyof StaffMember, keyof Row> = {
  id: 'id',
  email: 'email',
  forename: 'forename',
  surname: 'surname',
  isAdmin: 'is_admin',
  passwordHash: 'password_hash',
  setupCodeHash: 'setup_code_hash',
  setupExpiresAt: 'setup_expires_at',
  totpSecret: 'totp_secret',
  totpEnrolledAt: 'totp_enrolled_at',
  totpLastStep: 'totp_last_step',
  disabledAt: 'disabled_at',
  createdAt: 'created_at',
};

function toRow(changes: Partial<StaffMember>): Partial<Row> {
  return Object.fromEntries(
    Object.entries(changes).map(([key, value]) => [COLUMNS[key as keyof StaffMember], value]),
  ) as Partial<Row>;
}

export function createStaffRepository(db: Knex) {
  return {
    async insert(member: StaffMember, trx: Knex = db): Promise<void> {
      await trx('staff').insert(toRow(member));
    },
    async findById(id: string, trx: Knex = db): Promise<StaffMember | null> {
      const row = await trx<Row>('staff').where({ id }).first();
      return row ? fromRow(row) : null;
    },
    async findByEmail(email: string, trx: Knex = db): Promise<StaffMember | null> {
      const row = await trx<Row>('staff').where({ email }).first();
      return row ? fromRow(row) : null;
    },
    async list(trx: Knex = db): Promise<StaffMember[]> {
      return (await trx<Row>('staff').orderBy(['surname', 'forename'])).map(fromRow);
    },
    async update(id: string, changes: Partial<Omit<StaffMember, 'id'>>, trx: Knex = db): Promise<void> {
      await trx('staff').where({ id }).update(toRow(changes));
    },
    /**
     * Takes a code's time step only if it is later than the last one taken (in one statement, so
     * two requests racing with one code cannot both win); false when the code was already used.
     */
    async takeTotpStep(id: string, step: number, trx: Knex = db): Promise<boolean> {
      const changed = await trx('staff')
        .where({ id })
        .andWhere((q) => q.whereNull('totp_last_step').orWhere('totp_last_step', '<', step))
        .update({ totp_last_step: step });
      return changed === 1;
    },
    async replaceRecoveryCodes(staffId: string, codeHashes: string[], trx: Knex = db): Promise<void> {
      await trx.transaction(async (t) => {
        await t('staff_recovery_codes').where({ staff_id: staffId }).delete();
        if (codeHashes.length)
          await t('staff_recovery_codes').insert(
            codeHashes.map((code_hash) => ({ staff_id: staffId, code_hash, used_at: null })),
          );
      });
    },
    /** Spends a recovery code; false when it is not theirs or was used already. */
    async useRecoveryCode(staffId: string, codeHash: string, at: number, trx: Knex = db): Promise<boolean> {
      const changed = await trx('staff_recovery_codes')
        .where({ staff_id: staffId, code_hash: codeHash })
        .whereNull('used_at')
        .update({ used_at: at });
      return changed === 1;
    },
    async recoveryCodesLeft(staffId: string, trx: Knex = db): Promise<number> {
      const row = await trx('staff_recovery_codes')
        .where({ staff_id: staffId })
        .whereNull('used_at')
        .count<{ n: number | string }[]>({ n: '*' })
        .first();
      return Number(row?.n ?? 0);
    },
  };
}

export type StaffRepository = ReturnType<typeof createStaffRepository>;
