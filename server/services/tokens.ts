/**
 * Signed tokens (jose, HS256 only): the session cookie, which carries a session id the server
 * still looks up, the short-lived "flow" cookie that ties the steps of registering, signing
 * in or resetting a password to the same registration or account, and the "form-start" proof that
 * whoever started a form passed the captcha.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, errors } from 'jose';
import type { Clock } from './clock.ts';

const ISSUER = 'asc-forms';
const ALGORITHMS = ['HS256'];

export type FlowPurpose = 'register' | 'sign-in' | 'reset';
/** Staff signing in: the password was right; next, enrol an authenticator app, or give its code. */
export type StaffFlowPurpose = 'staff-enrol' | 'staff-code';

/** Whose session a session token is: a referrer's cookie is never taken as staff's, nor the other way. */
export type SessionAudience = 'session' | 'staff-session';

export function createTokens(secret: Uint8Array, clock: Clock) {
  const sign = (claims: Record<string, string>, audience: string, expiresAt: number) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setIssuedAt(Math.floor(clock.now() / 1000))
      .setExpirationTime(Math.floor(expiresAt / 1000))
      .sign(secret);

  const read = async (token: string, audience: string): Promise<Record<string, unknown> | null> => {
    try {
      const { payload } = await jwtVerify(token, secret, {
        algorithms: ALGORITHMS,
        issuer: ISSUER,
        audience,
        currentDate: new Date(clock.now()),
      });
      return payload as Record<string, unknown>;
    } catch (error) {
      if (error instanceof errors.JOSEError || error instanceof TypeError) return null;
      throw error;
    }
  };

  return {
    session: (sid: string, expiresAt: number, audience: SessionAudience = 'session') =>
      sign({ sid }, audience, expiresAt),
    readSession: async (token: string, audience: SessionAudience = 'session') => {
      const claims = await read(token, audience);
      return typeof claims?.sid === 'string' ? claims.sid : null;
    },
    flow: (purpose: FlowPurpose | StaffFlowPurpose, subjectId: string, email: string, expiresAt: number) =>
      sign({ purpose, sub: subjectId, email }, 'flow', expiresAt),
    readFlow: async (token: string, purpose: FlowPurpose | StaffFlowPurpose) => {
      const claims = await read(token, 'flow');
      return claims?.purpose === purpose && typeof claims.sub === 'string' && typeof claims.email === 'string'
        ? { subjectId: claims.sub, email: claims.email }
        : null;
    },
    /**
     * Proof that the captcha was passed, for the request that starts a form (audience form-start).
     * Its id (jti) lets the request that takes it spend it, so one proof starts one form.
     */
    formStart: (provider: string, expiresAt: number) =>
      sign({ captcha: provider, jti: randomUUID() }, 'form-start', expiresAt),
    readFormStart: async (token: string) => {
      const claims = await read(token, 'form-start');
      return typeof claims?.captcha === 'string' && typeof claims.jti === 'string'
        ? { provider: claims.captcha, id: claims.jti }
        : null;
    },
  };
}

export type Tokens = ReturnType<typeof createTokens>;
