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
/** How many verified cookies are remembered (then forgotten all at once, and verified again as they come). */
const VERIFIED_KEPT = 10_000;

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
    findWithOwner: async (idHash) => {
      const found = await deps.users.findWithSession(idHash);
      return found && { session: found.session, owner: found.user };
    },
    idleMs: SESSION_IDLE_MS,
    longestMs: SESSION_LONGEST_MS,
    audience: 'session',
  });
}

/** Sessions of one kind of owner: how it is found (null when it is gone or may no longer sign in), and its limits. */
export function createOwnedSessions<Owner>(deps: {
  sessions: SessionsRepository;
  findOwner: (id: string) => Promise<Owner | null>;
  /** The session and its owner in one look-up, where the owner's table allows it (null when either is gone). */
  findWithOwner?: (idHash: string) => Promise<{ session: Session; owner: Owner } | null>;
  tokens: Tokens;
  clock: Clock;
  idleMs: number;
  longestMs: number;
  /** The tokens' audience: one kind's cookie is never another's. */
  audience: SessionAudience;
}) {
  const { sessions, findOwner, tokens, clock, idleMs, longestMs, audience } = deps;
  // Cookies already verified, and the session id each carries: checking the signature again at
  // every request tells nothing more (the token's own end is the session's, which the row says).
  const verified = new Map<string, string>();
  const sidOf = async (token: string) => {
    const known = verified.get(token);
    if (known) return known;
    const sid = await tokens.readSession(token, audience);
    if (sid) {
      if (verified.size >= VERIFIED_KEPT) verified.clear();
      verified.set(token, sid);
    }
    return sid;
  };
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
      const sid = await sidOf(token);
      if (!sid) return null;
      const both = deps.findWithOwner ? await deps.findWithOwner(hashId(sid)) : undefined;
      const session = both === undefined ? await sessions.findByIdHash(hashId(sid)) : (both?.session ?? null);
      const now = clock.now();
      if (!session || session.revokedAt !== null || session.expiresAt <= now) return null;
      if (session.lastSeenAt + idleMs <= now) {
        await sessions.revoke(session.idHash, now);
        return null;
      }
      const user = both === undefined ? await findOwner(session.userId) : (both?.owner ?? null);
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
