/** The screens of <asc-account>, each with its own address in the portal (/account/<screen>). */
export type AccountScreen =
  | 'sign-in'
  | 'register'
  | 'forgotten-password'
  | 'change-password'
  | 'account'
  | 'saved'
  | 'submitted';
