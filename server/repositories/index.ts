/** Every repository over one database. */
import type { Knex } from 'knex';
import { createUsersRepository } from './users.ts';
import { createRegistrationsRepository } from './registrations.ts';
import { createEmailCodesRepository } from './email-codes.ts';
import { createSessionsRepository } from './sessions.ts';
import { createRateLimitsRepository } from './rate-limits.ts';
import { createAuditLogRepository } from './audit-log.ts';
import { createSpentCaptchasRepository } from './spent-captchas.ts';
import { createDraftsRepository } from './drafts.ts';
import { createSubmissionsRepository } from './submissions.ts';
import { createOutboxRepository } from './outbox.ts';
import { createStorageRepository } from './storage.ts';
import { createStaffRepository } from './staff.ts';
import { createTriageRepository } from './triage.ts';
import { createDeadlinesRepository } from './deadlines.ts';
import { createRetentionRepository } from './retention.ts';
import { createRepliesRepository } from './replies.ts';

export function createRepositories(db: Knex) {
  return {
    users: createUsersRepository(db),
    registrations: createRegistrationsRepository(db),
    emailCodes: createEmailCodesRepository(db),
    sessions: createSessionsRepository(db),
    rateLimits: createRateLimitsRepository(db),
    auditLog: createAuditLogRepository(db),
    spentCaptchas: createSpentCaptchasRepository(db),
    drafts: createDraftsRepository(db),
    submissions: createSubmissionsRepository(db),
    outbox: createOutboxRepository(db),
    storage: createStorageRepository(db),
    staff: createStaffRepository(db),
    triage: createTriageRepository(db),
    deadlines: createDeadlinesRepository(db),
    retention: createRetentionRepository(db),
    replies: createRepliesRepository(db),
    staffSessions: createSessionsRepository(db, { table: 'staff_sessions', owner: 'staff_id' }),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
