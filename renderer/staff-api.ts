/** The staff part of the portal's API (/api/staff/…): apart, so no referrer's page downloads it. */
import type {
  AuditLogPage,
  InboxPage,
  SessionTiming,
  StaffMemberList,
  StaffNext,
  StaffSessionBody,
  StaffSignedInBody,
  StaffSubmissionBody,
  StatusChange,
} from '../engine/runtime.ts';
import { RequestRefused, getJson, resolve, send } from './api-client.ts';

/** The staff API. Every call that fails throws RequestRefused with what to fix. */
export const staffApi = {
  /** The member signed in in this browser; null when nobody is (401), or a referrer is (403). */
  current: async (apiBase: string): Promise<StaffSessionBody | null> => {
    try {
      return await getJson<StaffSessionBody>(resolve(apiBase, '/api/staff/session'));
    } catch (error) {
      if (error instanceof RequestRefused && (error.status === 401 || error.status === 403)) return null;
      throw error;
    }
  },
  setUp: (apiBase: string, body: { email: string; setupCode: string; password: string; confirmPassword: string }) =>
    send<StaffNext>(apiBase, '/api/staff/set-up', body),
  signIn: (apiBase: string, body: { email: string; password: string }) =>
    send<StaffNext>(apiBase, '/api/staff/sign-in', body),
  enrol: (apiBase: string, code: string) => send<StaffSignedInBody>(apiBase, '/api/staff/sign-in/enrol', { code }),
  code: (apiBase: string, code: string) => send<StaffSignedInBody>(apiBase, '/api/staff/sign-in/code', { code }),
  signOut: (apiBase: string) => send<void>(apiBase, '/api/staff/sign-out'),
  /** A page of the inbox: `query` holds the filters, the search and the page's cursor. */
  inbox: (apiBase: string, query: URLSearchParams) =>
    getJson<InboxPage>(resolve(apiBase, `/api/staff/inbox${query.toString() ? `?${query}` : ''}`)),
  /** Where the inbox's filtered list is downloaded as a file. */
  exportUrl: (apiBase: string, format: 'csv' | 'json', query: URLSearchParams) =>
    resolve(apiBase, `/api/staff/inbox.${format}${query.toString() ? `?${query}` : ''}`),
  /** A referral opened, with the council's outcomes to close it with and to name its outcome by. */
  open: (apiBase: string, id: string) =>
    getJson<StaffSubmissionBody>(resolve(apiBase, `/api/staff/submissions/${encodeURIComponent(id)}`)),
  members: (apiBase: string) => getJson<StaffMemberList>(resolve(apiBase, '/api/staff/members')),
  assign: (apiBase: string, id: string, assignee: string | null) =>
    send<void>(apiBase, `/api/staff/submissions/${encodeURIComponent(id)}/assign`, { assignee }),
  changeStatus: (apiBase: string, id: string, change: StatusChange) =>
    send<void>(apiBase, `/api/staff/submissions/${encodeURIComponent(id)}/status`, change),
  addNote: (apiBase: string, id: string, text: string) =>
    send<void>(apiBase, `/api/staff/submissions/${encodeURIComponent(id)}/notes`, { text }),
  /** A page of the audit log (administrators only): `query` holds the filters and the page's cursor. */
  audit: (apiBase: string, query: URLSearchParams) =>
    getJson<AuditLogPage>(resolve(apiBase, `/api/staff/audit${query.toString() ? `?${query}` : ''}`)),
  /** Where the filtered audit log is downloaded as a file. */
  auditExportUrl: (apiBase: string, format: 'csv' | 'json', query: URLSearchParams) => {
    const withFormat = new URLSearchParams(query);
    withFormat.set('format', format);
    return resolve(apiBase, `/api/staff/audit/export?${withFormat}`);
  },
  /** Tells the server the member is still at work; the time their session has left. */
  keepAlive: (apiBase: string) => send<SessionTiming>(apiBase, '/api/staff/keep-alive'),
  /** The time left without counting as activity; null once the session has ended. */
  sessionLeft: async (apiBase: string): Promise<number | null> => {
    try {
      return (await getJson<SessionTiming>(resolve(apiBase, '/api/staff/session/left'))).idleRemainingMs;
    } catch (error) {
      if (error instanceof RequestRefused && error.status === 401) return null;
      throw error;
    }
  },
};
