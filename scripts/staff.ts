/**
 * npm run staff: council IT manages the council's staff on the portal, from the command line of a
 * machine with the server's settings (DATABASE_URL or DATA_DIR, SESSION_SECRET):
 *
 *   npm run staff -- add <email> <forename> <surname> [--admin]   a new member, with a set-up code
 *   npm run staff -- reset <email>      a lost phone or password: a new set-up code, the old ones stop working
 *   npm run staff -- disable <email>    they can no longer sign in; their sessions end at once
 *   npm run staff -- enable <email>
 *   npm run staff -- admin <email>      may read and export the audit log at /staff/audit
 *   npm run staff -- not-admin <email>  no longer
 *   npm run staff -- list
 */
import { readFile } from 'node:fs/promises';
import { exitOnConfigError, readConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest, pendingMigrations } from '../server/db/migrations/index.ts';
import { createRepositories } from '../server/repositories/index.ts';
import { loadSecret } from '../server/services/secret.ts';
import { systemClock } from '../server/services/clock.ts';
import { createStaffMembers, SETUP_LIFETIME_MS } from '../server/services/staff/index.ts';
import type { StaffMember } from '../server/repositories/staff.ts';
import { DomainError } from '../server/services/errors.ts';
import { longDate, timeOfDay } from '../engine/index.ts';

const USAGE = `Usage:
  npm run staff -- add <email> <forename> <surname> [--admin]
  npm run staff -- reset <email>
  npm run staff -- disable <email>
  npm run staff -- enable <email>
  npm run staff -- admin <email>
  npm run staff -- not-admin <email>
  npm run staff -- list`;

const [command, ...rest] = process.argv.slice(2);
const admin = rest.includes('--admin');
const args = rest.filter((arg) => arg !== '--admin');
const wanted: Record<string, number> = { add: 3, reset: 1, disable: 1, enable: 1, admin: 1, 'not-admin': 1, list: 0 };
if (!command || !(command in wanted) || args.length !== wanted[command]) {
  console.error(command && command in wanted ? `${command} takes ${wanted[command]} argument(s).\n${USAGE}` : USAGE);
  process.exit(2);
}

const config = (() => {
  try {
    return readConfig(process.env);
  } catch (error) {
    return exitOnConfigError(error);
  }
})();
const portal = JSON.parse(await readFile(`${config.formsDir}/portal.json`, 'utf8')) as {
  council: { timeZone?: string };
};
const timeZone = portal.council.timeZone ?? 'Europe/London';
const staffPage = `${config.publicOrigin ?? `http://localhost:${config.port}`}/staff`;
const db = await openDatabase(config).catch(exitOnConfigError);
try {
  if (config.migrateOnStart) await migrateToLatest(db);
  else if ((await pendingMigrations(db)).length)
    throw new Error('The database is not up to date: run npm run db:migrate first.');
  const repos = createRepositories(db);
  const members = createStaffMembers({
    staff: repos.staff,
    staffSessions: repos.staffSessions,
    auditLog: repos.auditLog,
    clock: systemClock,
    secret: await loadSecret(config.sessionSecret, config.dataDir),
  });
  const name = (m: StaffMember) => `${m.forename} ${m.surname} (${m.email})`;
  const handOver = (member: StaffMember, setUp: { code: string; expiresAt: number }) =>
    console.log(
      [
        `Their one-time set-up code: ${setUp.code}`,
        `It works for ${SETUP_LIFETIME_MS / 3_600_000} hours, until ${timeOfDay(setUp.expiresAt, timeZone)} on ${longDate(setUp.expiresAt, timeZone)}.`,
        `Give it to ${member.forename} in person or by phone, not by email. They go to ${staffPage},`,
        'choose "Set up your staff account", enter their email address and the code, choose a password',
        'and add the portal to an authenticator app on their phone.',
      ].join('\n'),
    );
  if (command === 'add') {
    const [email, forename, surname] = args as [string, string, string];
    const { member, setUp } = await members.add({ email, forename, surname, isAdmin: admin });
    console.log(`Added ${name(member)}${member.isAdmin ? ', an administrator' : ''}.`);
    handOver(member, setUp);
  } else if (command === 'reset') {
    const { member, setUp } = await members.reset(args[0]!);
    console.log(`Reset ${name(member)}: their password, authenticator app and recovery codes no longer work.`);
    handOver(member, setUp);
  } else if (command === 'disable') {
    console.log(`Disabled ${name(await members.disable(args[0]!))}: they are signed out and cannot sign in.`);
  } else if (command === 'enable') {
    console.log(`Enabled ${name(await members.enable(args[0]!))}.`);
  } else if (command === 'admin') {
    const member = await members.setAdmin(args[0]!, true);
    console.log(`${name(member)} is an administrator: they may read and export the audit log.`);
  } else if (command === 'not-admin') {
    console.log(`${name(await members.setAdmin(args[0]!, false))} is no longer an administrator.`);
  } else {
    const all = await members.list();
    if (!all.length) console.log('No staff yet: add one with npm run staff -- add <email> <forename> <surname>.');
    for (const m of all) {
      const state = m.disabledAt !== null ? 'disabled' : m.totpEnrolledAt !== null ? 'active' : 'waiting for set-up';
      console.log(`${m.email}\t${m.forename} ${m.surname}\t${m.isAdmin ? 'administrator' : 'staff'}\t${state}`);
    }
  }
} catch (error) {
  console.error(error instanceof DomainError || error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await db.destroy();
}
