/** The screens of <asc-account>, each with its own address in the portal (/account/<screen>). */
export type { AccountScreen } from '../../engine/runtime.ts';
