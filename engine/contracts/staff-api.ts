/** What crosses HTTP for the council's staff (/api/staff), for the server and the staff screens alike. */
import type { SessionTiming } from './portal-api.ts';

/** A member of staff as their own screens show them. */
export interface StaffUser {
  forename: string;
  surname: string;
  email: string;
  /** May manage staff and read the audit log. */
  isAdmin: boolean;
}

/** What the authenticator app needs: a QR code to scan, or the secret to type in. */
export interface StaffEnrolment {
  /** The secret in base32, in groups of four for typing. */
  secret: string;
  /** The otpauth:// address the QR code holds. */
  uri: string;
  /** The QR code, an SVG image. */
  qrSvg: string;
}

/** After a right password (or set-up code): the app's code is next, or enrolling the app first. */
export type StaffNext = { next: 'code' } | { next: 'enrol'; enrolment: StaffEnrolment };

/** Signed in: who, how long the session has idle and at most; recovery codes once, after enrolling. */
export interface StaffSignedInBody extends SessionTiming {
  staff: StaffUser;
  expiresAt: number;
  /** Shown once: each lets its owner in once without the app. Keep them somewhere safe. */
  recoveryCodes?: string[];
  /** After a recovery code was used: how many are left. */
  recoveryCodesLeft?: number;
}

/** GET /api/staff/session. */
export interface StaffSessionBody extends SessionTiming {
  staff: StaffUser;
  expiresAt: number;
}
