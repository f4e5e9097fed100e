/**
 * The staff pages' addresses: the inbox at /staff, each referral at /staff/submissions/<id>, the
 * audit log at /staff/audit, so back and forward work.
 */
const SUBMISSION = /^\/staff\/submissions\/([0-9a-f-]{36})\/?$/;

export const INBOX_PATH = '/staff';

export const submissionPath = (id: string) => `/staff/submissions/${id}`;

/** The referral an address opens, or null for the inbox. */
export function submissionIn(pathname: string): string | null {
  return SUBMISSION.exec(pathname)?.[1] ?? null;
}

export const AUDIT_PATH = '/staff/audit';

/** Whether an address is the audit log's. */
export const isAuditPath = (pathname: string) => /^\/staff\/audit\/?$/.test(pathname);
