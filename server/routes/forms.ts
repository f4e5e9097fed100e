/** The portal's content and the forms' definitions, for the components in the browser. */
import { readFile } from 'node:fs/promises';
import { Router } from '@koa/router';
import {
  SERVER_PORTAL_PARTS,
  openingDefinition,
  type FormList,
  type FormOnPage,
  type FormToRun,
  type PortalContent,
  type PortalPages,
} from '../../engine/index.ts';
import type { CatalogueEntry, FormCatalogue } from '../services/form-catalogue.ts';
import { NotFoundError, RefusedError } from '../services/errors.ts';

/**
 * A form version as the browser runs it: GET /api/forms/:formId, and the form's page carries the
 * same. `captcha`: the provider's name, as GET /api/captcha/challenge says it.
 */
export function formToRun(catalogue: FormCatalogue, entry: CatalogueEntry, captcha: string): FormToRun {
  return {
    definition: entry.definition,
    validators: entry.validatorsUrl,
    notices: catalogue.portal.notices,
    accountGate: catalogue.portal.accountGate,
    council: catalogue.portal.council,
    timeZone: catalogue.timeZone,
    captcha,
  };
}

/** The portal's content as its pages are sent it: without what only the server reads. */
export function portalPages(portal: PortalContent): PortalPages {
  const pages: Partial<PortalContent> = { ...portal };
  for (const part of SERVER_PORTAL_PARTS) delete pages[part];
  return pages as PortalPages;
}

const openings = new WeakMap<CatalogueEntry, FormOnPage>();

/**
 * The same, for showing the form's first page: only an outline of its later pages
 * (engine/run/opening.ts), and `opening` saying so, so the browser asks for the whole of it
 * before it goes further. What the portal's page carries on a form's first page, and what
 * GET /api/forms/:formId?opening gives a council's page.
 */
export function openingToRun(catalogue: FormCatalogue, entry: CatalogueEntry, captcha: string): FormOnPage {
  let made = openings.get(entry);
  if (!made) {
    const run = formToRun(catalogue, entry, captcha);
    made = { ...run, definition: openingDefinition(run.definition), opening: true };
    openings.set(entry, made);
  }
  return made;
}

export function formRoutes(catalogue: FormCatalogue, buildDir: string, captcha: string): Router {
  const router = new Router({ prefix: '/api' });

  const pages = portalPages(catalogue.portal);
  router.get('/portal', (ctx) => {
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = pages;
  });

  router.get('/forms', (ctx) => {
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = { forms: catalogue.list() } satisfies FormList;
  });

  const sendForm = (ctx: Parameters<Parameters<typeof router.get>[1]>[0], formId: string, version?: number) => {
    const entry = catalogue.get(formId, version);
    if (!entry)
      throw new NotFoundError(
        version === undefined ? `There is no form "${formId}".` : `Form "${formId}" has no version ${version}.`,
      );
    ctx.set('Cache-Control', version === undefined ? 'no-cache' : 'public, max-age=300');
    ctx.body =
      ctx.query.opening === undefined ? formToRun(catalogue, entry, captcha) : openingToRun(catalogue, entry, captcha);
  };

  router.get('/forms/:formId', (ctx) => sendForm(ctx, ctx.params.formId!));
  router.get('/forms/:formId/versions/:version', (ctx) => {
    const version = Number(ctx.params.version);
    if (!Number.isInteger(version) || version < 1)
      throw new RefusedError('bad-version', 'The version must be a whole number from 1, like /versions/1.');
    sendForm(ctx, ctx.params.formId!, version);
  });

  // Only versions the portal offers (published or retired): a draft's shape is nobody's contract yet.
  // The schema, and beside it the same answers as a TypeScript type, both written by the build.
  const integratorFile = (ctx: Parameters<Parameters<typeof router.get>[1]>[0], file: string) => {
    const { formId, version } = ctx.params;
    const entry = /^\d+$/.test(version!) ? catalogue.get(formId!, Number(version)) : null;
    if (!entry) throw new NotFoundError(`Form "${formId}" has no version ${version}.`);
    ctx.set('Cache-Control', 'public, max-age=300');
    return readFile(`${buildDir}/forms/${entry.definition.id}/v${entry.definition.version}.${file}`);
  };
  router.get('/forms/:formId/versions/:version/answers.schema.json', async (ctx) => {
    const body = await integratorFile(ctx, 'answers.schema.json');
    ctx.type = 'application/schema+json';
    ctx.body = body;
  });
  router.get('/forms/:formId/versions/:version/answers.d.ts', async (ctx) => {
    const body = await integratorFile(ctx, 'answers.d.ts');
    ctx.type = 'application/typescript; charset=utf-8';
    ctx.body = body;
  });

  return router;
}
