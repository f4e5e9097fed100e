/** The council staff's pages (/staff): a script of their own, so no referrer's page downloads them. */
export { AscStaff } from './staff/asc-staff.ts';
