/**
 * Signed-in sessions: a random id in an HttpOnly cookie (inside a signed token), its hash in the
 * database. Every request looks the session up, so signing out, changing or resetting a password
 * ends it at once. It ends after 20 minutes without activity, and after 12 hours whatever happens.
 * Council staff's sessions are the same kind of thing over their own table, owners and limits
 * (`createOwnedSessions`).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SessionsRepository, Session } from '../repositories/sessions.ts';
import type { UsersRepository, User } from '../repositories/users.ts';
import type { Tokens, SessionAudience } from './tokens.ts';
import { SESSION_IDLE_MS, SESSION_LONGEST_MS } from '../../engine/index.ts';
import type { Clock } from './clock.ts';

// Writing "last seen" on every request would make every page view a database write.
const TOUCH_EVERY_MS = 30_000;

/** A session just started: the cookie's token, when it ends at the latest, and when it ends if idle. */
export interface NewSession {
  token: string;
  expiresAt: number;
  idleExpiresAt: number;
}

export interface ActiveSession<Owner = User> {
  user: Owner;
  session: Session;
  /** When the session ends if nothing more happens. */
  idleExpiresAt: number;
}

function hashId(sid: string): string {
  return createHash('sha256').update(sid).digest('hex');
}

export function createSessionService(deps: {
  sessions: SessionsRepository;
  users: UsersRepository;
  tokens: Tokens;
  clock: Clock;
}) {
  return createOwnedSessions<User>({
    ...deps,
    findOwner: (id) => deps.users.findById(id),
    idleMs: SESSION_IDLE_MS,
    longestMs: SESSION_LONGEST_MS,
    audience: 'session',
  });
}

/** Sessions of one kind of owner: how it is found (null when it is gone or may no longer sign in), and its limits. */
export function createOwnedSessions<Owner>(deps: {
  sessions: SessionsRepository;
  findOwner: (id: string) => Promise<Owner | null>;
  tokens: Tokens;
  clock: Clock;
  idleMs: number;
  longestMs: number;
  /** The tokens' audience: one kind's cookie is never another's. */
  audience: SessionAudience;
}) {
  const { sessions, findOwner, tokens, clock, idleMs, longestMs, audience } = deps;
  return {
    now: () => clock.now(),

    /** Starts a session for the user. */
    async start(userId: string): Promise<NewSession> {
      const sid = randomBytes(32).toString('base64url');
      const now = clock.now();
      const expiresAt = now + longestMs;
      await sessions.insert({
        idHash: hashId(sid),
        userId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        revokedAt: null,
      });
      return {
        token: await tokens.session(sid, expiresAt, audience),
        expiresAt,
        idleExpiresAt: Math.min(now + idleMs, expiresAt),
      };
    },

    /** The live session of a cookie, touched as activity; null when there is none, it ended, or it timed out. */
    async authenticate(token: string | undefined, { touch = true } = {}): Promise<ActiveSession<Owner> | null> {
      if (!token) return null;
      const sid = await tokens.readSession(token, audience);
      if (!sid) return null;
      const session = await sessions.findByIdHash(hashId(sid));
      const now = clock.now();
      if (!session || session.revokedAt !== null || session.expiresAt <= now) return null;
      if (session.lastSeenAt + idleMs <= now) {
        await sessions.revoke(session.idHash, now);
        return null;
      }
      const user = await findOwner(session.userId);
      if (!user) return null;
      if (touch && now - session.lastSeenAt >= TOUCH_EVERY_MS) {
        await sessions.touch(session.idHash, now);
        session.lastSeenAt = now;
      }
      return { user, session, idleExpiresAt: Math.min(session.lastSeenAt + idleMs, session.expiresAt) };
    },

    /** Carries on: counts as activity even if the last touch was moments ago. */
    async keepAlive(active: ActiveSession<Owner>): Promise<number> {
      const now = clock.now();
      await sessions.touch(active.session.idHash, now);
      return Math.min(now + idleMs, active.session.expiresAt);
    },

    async end(active: ActiveSession<Owner>): Promise<void> {
      await sessions.revoke(active.session.idHash, clock.now());
    },

    async endAllForUser(userId: string, except?: ActiveSession<Owner>): Promise<void> {
      await sessions.revokeAllForUser(userId, clock.now(), except?.session.idHash ?? null);
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
export type OwnedSessions<Owner> = ReturnType<typeof createOwnedSessions<Owner>>;
