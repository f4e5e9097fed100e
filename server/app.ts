/** The Koa application: headers and errors first, then the API, the files and the pages. */
import Koa from 'koa';
import type { Knex } from 'knex';
import type { ServerConfig } from './config.ts';
import { securityHeaders } from './http/security-headers.ts';
import { compression } from './http/compression.ts';
import { errorHandler } from './http/errors.ts';
import { apiResponses } from './http/api-responses.ts';
import { jsonBodies } from './http/json-body.ts';
import { sameOriginWrites } from './http/same-origin.ts';
import { embedCors } from './http/cors.ts';
import { loadFormCatalogue, type FormCatalogue } from './services/form-catalogue.ts';
import { openDatabase } from './db/database.ts';
import { ConfigError } from './config/config-error.ts';
import { migrateToLatest, pendingMigrations } from './db/migrations/index.ts';
import { createRepositories } from './repositories/index.ts';
import { systemClock, type Clock } from './services/clock.ts';
import { createLogger, type Logger } from './services/log.ts';
import { createMetrics, type Metrics } from './services/metrics.ts';
import { requestLog, servedAs } from './http/request-log.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { loadSecret } from './services/secret.ts';
import { createTokens } from './services/tokens.ts';
import { createSessionService } from './services/sessions.ts';
import { createAccountService, createCodeService, type AccountDeps } from './services/accounts/index.ts';
import { createStaffServices } from './services/staff/index.ts';
import { staffRoutes } from './routes/staff.ts';
import { createTriageClock } from './services/triage/index.ts';
import { createSubmissionMessages } from './services/submission-messages.ts';
import { createPasswordHasher } from './services/password-hasher.ts';
import { createRateLimiter } from './services/rate-limiter.ts';
import { createMailer } from './services/mailer.ts';
import { createCaptchaVerifier, type CaptchaVerifier } from './services/captcha.ts';
import { formRoutes } from './routes/forms.ts';
import { healthRoutes } from './routes/health.ts';
import { httpsOnly } from './http/https-only.ts';
import { createReadiness, type ReadinessState } from './services/readiness.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { accountRoutes } from './routes/account.ts';
import { captchaRoutes } from './routes/captcha.ts';
import { webRoutes } from './routes/web.ts';
import { createPageData } from './routes/page-data.ts';
import { forgetExpired, startHousekeeping } from './services/housekeeping.ts';
import { retentionPolicy } from './services/retention.ts';
import { createAnswersAtRest, loadAnswerKeys } from './services/answers-at-rest.ts';
import { createDraftService, DRAFT_LIFETIME_MS } from './services/drafts.ts';
import { draftRoutes } from './routes/drafts.ts';
import { createSubmissionService } from './services/submissions.ts';
import { createAboutPerson } from './services/about-person.ts';
import { createOutboxRelay } from './services/outbox-relay.ts';
import { submissionRoutes } from './routes/submissions.ts';
import { join } from 'node:path';
import { createSearchKeys } from './services/search-keys.ts';
import { createSubmissionIndexer, fillSubmissionIndexes } from './services/submission-indexes.ts';
import { createReferrerStatus } from './services/referrer-status.ts';
import { createReferrerReplies } from './services/referrer-replies.ts';
import { createInbox } from './services/staff/inbox.ts';
import { createTriage } from './services/staff/triage.ts';
import { staffInboxRoutes } from './routes/staff-inbox.ts';
import { createAuditReader } from './services/staff/audit.ts';
import { staffAuditRoutes } from './routes/staff-audit.ts';
import { loadDeliveryKeys } from './services/delivery-keys.ts';
import { jwksRoutes } from './routes/jwks.ts';

export interface App {
  koa: Koa;
  catalogue: FormCatalogue;
  db: Knex;
  /** The log every part writes to (main.ts writes its start and stop there too). */
  log: Logger;
  /** What /metrics serves (main.ts serves it on METRICS_PORT too). */
  metrics: Metrics;
  /** Sends what the outbox holds now (tests call it after moving the clock). */
  sendOutbox(): Promise<void>;
  /** Runs housekeeping's forgetting now, as its hourly round does; says how many of each went (tests call it after moving the clock). */
  forgetExpired(): Promise<Record<string, number>>;
  /** Says on /readyz that this process is stopping, so load balancers send it nothing new. */
  stopAccepting(): void;
  /** Closes the database and the mail transport. */
  close(): Promise<void>;
}

export interface AppOptions {
  /** The log; LOG_LEVEL's, to stdout, when not given (tests pass one writing to a stream they read). */
  log?: Logger;
  /** The clock for sessions, codes, rate limits, captchas and the forms' "today"; tests pass one they can move. */
  clock?: Clock;
  /** Another provider's captcha verifier, in place of the one CAPTCHA names (see services/captcha.ts). */
  captcha?: CaptchaVerifier;
}

export async function createApp(
  config: ServerConfig,
  { log = createLogger({ level: config.logLevel }), clock = systemClock, captcha: customCaptcha }: AppOptions = {},
): Promise<App> {
  const catalogue = await loadFormCatalogue(config.formsDir, config.buildDir, clock);
  // Before the database opens, so a key that will not load stops the start with nothing to close.
  const deliveryKeys = await loadDeliveryKeys(config.webhook?.signingKeyFiles);
  const db = await openDatabase(config, log);
  if (config.migrateOnStart) await migrateToLatest(db);
  else {
    const pending = await pendingMigrations(db);
    if (pending.length) {
      await db.destroy();
      throw new ConfigError([
        {
          variable: 'MIGRATE_ON_START',
          message: `the database is not up to date (${pending.length} migration${pending.length === 1 ? '' : 's'} to run: ${pending.join(', ')}); run npm run db:migrate first (node build/server/db-migrate.js where only the build is installed), or start without MIGRATE_ON_START=false`,
        },
      ]);
    }
  }
  const repos = createRepositories(db);
  const retention = retentionPolicy(config.retentionDays);
  const metrics = createMetrics({ outbox: repos.outbox, clock, log });
  const secret = await loadSecret(config.sessionSecret, config.dataDir);
  const tokens = createTokens(secret, clock);
  const sessions = createSessionService({ sessions: repos.sessions, users: repos.users, tokens, clock });
  const council = catalogue.portal.council;
  const brand = { serviceName: council.serviceName, councilName: council.name, phone: council.phone.display };
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    dataDir: config.dataDir,
    from: config.mailFrom ?? `"${council.serviceName}" <no-reply@localhost>`,
    log,
  });
  const limiter = createRateLimiter(repos.rateLimits, clock);
  const accountDeps: AccountDeps = {
    repos,
    sessions,
    tokens,
    clock,
    mailer,
    log,
    codes: createCodeService({ emailCodes: repos.emailCodes, auditLog: repos.auditLog, clock, secret }),
    hasher: createPasswordHasher({ costLog2: config.passwordHashCost }),
    limiter,
    brand,
    councilWords: [
      ...council.name.split(/\s+/),
      council.name.replace(/\s+/g, ''),
      council.serviceName.replace(/\s+/g, ''),
      ...(council.places ?? []),
    ].filter((word) => word.length > 3 && !/^council$/i.test(word)),
    secret,
    rateLimitScale: config.rateLimitScale,
    metrics: metrics.counting,
  };
  const accounts = createAccountService(accountDeps);

  const answersAtRest = createAnswersAtRest(await loadAnswerKeys(config.answersKeys, config.dataDir));
  // Only drafts still kept count: older ones are about to go.
  const missingKeys = (await repos.drafts.keyIdsSince(clock.now() - DRAFT_LIFETIME_MS)).filter(
    (keyId) => !answersAtRest.hasKey(keyId),
  );
  if (missingKeys.length)
    log.warn(
      `Saved forms sealed with ${missingKeys.map((k) => `"${k}"`).join(', ')} cannot be opened: that key is not in ANSWERS_KEYS. Add it (after the current key) to let those people carry on.`,
    );
  const unsendable = (await repos.outbox.unsentKeyIds()).filter((keyId) => !answersAtRest.hasKey(keyId));
  if (unsendable.length)
    log.warn(
      `Emails or deliveries waiting in the outbox are sealed with ${unsendable.map((k) => `"${k}"`).join(', ')}, which is not in ANSWERS_KEYS: they cannot go until it is added back.`,
    );
  const aboutPerson = createAboutPerson(catalogue, answersAtRest);
  const triageClock = createTriageClock(catalogue, clock);
  const publicUrl = config.publicOrigin ?? `http://localhost:${config.port}`;
  const staff = createStaffServices({ repos, account: accountDeps, answersAtRest, issuer: council.serviceName });
  const drafts = createDraftService({
    db,
    drafts: repos.drafts,
    catalogue,
    answersAtRest,
    aboutPerson,
    clock,
    limiter,
    rateLimitScale: config.rateLimitScale,
    metrics: metrics.counting,
  });

  const relay = createOutboxRelay({
    outbox: repos.outbox,
    mailer,
    answersAtRest,
    clock,
    log,
    metrics: metrics.counting,
    deliveriesDir: join(config.dataDir, 'deliveries'),
    webhook: config.webhook
      ? {
          url: config.webhook.url,
          ...(deliveryKeys
            ? { signing: deliveryKeys.signing }
            : { secret: Buffer.from(config.webhook.secret!, 'hex') }),
        }
      : undefined,
  });
  const searchKeys = createSearchKeys({ secret, catalogue, aboutPerson });
  await fillSubmissionIndexes({ repos, answersAtRest, searchKeys, triage: triageClock, log });
  const indexer = createSubmissionIndexer({ repos, answersAtRest, searchKeys, triage: triageClock });
  const submissions = createSubmissionService({
    db,
    repos,
    catalogue,
    answersAtRest,
    aboutPerson,
    clock,
    brand,
    limiter,
    indexer,
    referrerStatus: createReferrerStatus({ replies: repos.replies, answersAtRest }),
    messages: createSubmissionMessages({
      answersAtRest,
      brand,
      triage: triageClock,
      timeZone: catalogue.timeZone,
      team: config.triageTeamEmail ? { email: config.triageTeamEmail, staffUrl: `${publicUrl}/staff` } : undefined,
    }),
    queued: () => void relay.runNow(),
    metrics: metrics.counting,
    retention,
  });
  const inbox = createInbox({
    repos,
    catalogue,
    answersAtRest,
    aboutPerson,
    searchKeys,
    clock,
    triage: triageClock,
    retention,
  });
  const replies = createReferrerReplies({
    db,
    repos,
    catalogue,
    answersAtRest,
    clock,
    brand,
    staffUrl: `${publicUrl}/staff`,
    teamEmail: config.triageTeamEmail,
    queued: () => void relay.runNow(),
  });
  const triage = createTriage({
    db,
    repos,
    answersAtRest,
    clock,
    brand,
    signInUrl: `${publicUrl}/account/sign-in`,
    queued: () => void relay.runNow(),
    reopened: indexer.reopened,
    outcomes: catalogue.portal.outcomes,
  });

  const captcha =
    customCaptcha ?? createCaptchaVerifier(config.captcha, { secret, clock, spentCaptchas: repos.spentCaptchas });
  if (captcha.name === 'off') log.warn('CAPTCHA=off: forms start without the check that the person is not a robot.');

  const readinessState: ReadinessState = { stopping: false };
  const koa = new Koa({ proxy: config.proxies > 0, maxIpsCount: config.proxies });
  // Koa's own error print would repeat what errorHandler already logged.
  koa.silent = true;
  const web = await webRoutes(config.buildDir, createPageData(catalogue, sessions, captcha.name));
  koa.use(requestLog(log, metrics.answered));
  // Once stopping, each answer closes its connection: a keep-alive client comes back on a new one, to another process.
  koa.use(async (ctx, next) => {
    if (readinessState.stopping) ctx.set('Connection', 'close');
    await next();
  });
  koa.use(securityHeaders({ frameAncestors: config.frameAncestors, production: config.production }));
  koa.use(httpsOnly(config.production));
  koa.use(embedCors(config.embedOrigins));
  koa.use(compression());
  koa.use(errorHandler(log));
  koa.use(apiResponses());
  koa.use(sameOriginWrites(config.publicOrigin, config.embedOrigins));
  koa.use(jsonBodies());
  const routers = [
    healthRoutes(createReadiness(db, readinessState, log)),
    jwksRoutes(deliveryKeys),
    await openApiRoutes(config.buildDir, catalogue.portal),
    formRoutes(catalogue, config.buildDir, captcha.name),
    accountRoutes({ accounts, sessions, secureCookies: config.production }),
    captchaRoutes({ verifier: captcha, tokens, clock }),
    draftRoutes({ drafts, sessions }),
    submissionRoutes({ submissions, replies, sessions }),
    staffRoutes({ staff, referrerSessions: sessions, secureCookies: config.production }),
    staffInboxRoutes({ staff, referrerSessions: sessions, inbox, triage, outcomes: catalogue.portal.outcomes }),
    staffAuditRoutes({
      staff,
      referrerSessions: sessions,
      audit: createAuditReader({ repos, clock, timeZone: catalogue.timeZone }),
    }),
    ...(config.metricsToken ? [metricsRoutes(metrics, config.metricsToken)] : []),
  ];
  for (const router of routers) koa.use(router.routes()).use(router.allowedMethods());
  koa.use(servedAs('static', web.assets));
  koa.use(web.pages.routes()).use(web.pages.allowedMethods());
  const stopHousekeeping = startHousekeeping(repos, clock, log, retention);
  relay.start();
  return {
    koa,
    catalogue,
    db,
    log,
    metrics,
    sendOutbox: () => relay.runNow(),
    forgetExpired: () => forgetExpired(repos, clock.now(), retention),
    stopAccepting: () => {
      readinessState.stopping = true;
    },
    close: async () => {
      readinessState.stopping = true;
      // The database closes after the hour's clean-up and the outbox's round finish, not under them.
      await stopHousekeeping();
      await relay.stop();
      mailer.close();
      await db.destroy();
    },
  };
}
