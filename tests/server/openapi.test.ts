import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { request as httpRequest } from 'node:http';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { builtApp } from '../support/built-app.ts';
import { SESSION_COOKIE } from '../../server/http/session-cookie.ts';
import { STAFF_COOKIE } from '../../server/http/staff-session.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
interface Operation {
  operationId?: string;
  security?: unknown;
  responses: Record<string, { content: Record<string, { schema: unknown }> } | undefined>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, { properties: Record<string, unknown> }>;
    securitySchemes: Record<string, Record<string, unknown>>;
  };
}
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

const fetched = async (): Promise<Document> => (await fetch(`${(await builtApp()).baseUrl}/api/openapi.json`)).json();

/** Every `$ref` in the document, with where it is. */
function refsOf(value: unknown, at = '#'): Array<{ at: string; ref: string }> {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$ref' && typeof inner === 'string' ? [{ at, ref: inner }] : refsOf(inner, `${at}/${key}`),
  );
}

const resolve = (document: Document, ref: string): unknown =>
  ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], document);

/** One operation of the document; the test fails, naming it, when it is not there. */
function operation(document: Document, path: string, method: string): Operation {
  const found = document.paths[path]?.[method];
  if (!found) throw new Error(`${method.toUpperCase()} ${path} is not in the document`);
  return found;
}

const operationsOf = (document: Document) =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ path, method, operation: item[method]! })),
  );

/** Runs the document through a tool's command line, from a file in a folder of its own. */
async function withDocumentFile<T>(document: Document, use: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'asc-forms-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(document));
    return await use(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const standalone = suite('/api/openapi.json for integrators');

standalone('should stand alone: every $ref points inside the document, and to something there', async () => {
  const document = await fetched();
  const refs = refsOf(document);
  assert.ok(refs.length > 100, `found the references (${refs.length})`);
  assert.equal(
    refs.filter(({ ref }) => !ref.startsWith('#/')),
    [],
  );
  assert.equal(
    refs.filter(({ ref }) => resolve(document, ref) === undefined),
    [],
  );
  assert.not.match(JSON.stringify(document.components.schemas), /"\$(id|defs)"/);
  // The engine's schemas are there, under names a client generator turns into types.
  assert.ok(document.components.schemas.FormDefinition?.properties.pages);
  assert.ok(document.components.schemas.PortalPages?.properties.council);
});

standalone('should give every operation a unique camelCase operationId and say who may call it', async () => {
  const operations = operationsOf(await fetched());
  assert.ok(operations.length > 40, `found the operations (${operations.length})`);
  const ids = operations.map(({ operation }) => operation.operationId);
  assert.equal(
    ids.filter((id) => !/^[a-z][a-zA-Z0-9]*$/.test(String(id))),
    [],
  );
  assert.is(new Set(ids).size, ids.length, 'no operationId twice');
  assert.equal(
    operations.filter(({ operation }) => !Array.isArray(operation.security)).map(({ path }) => path),
    [],
  );
});

standalone('should name the session cookies the server reads, and ask for them where a route needs one', async () => {
  const document = await fetched();
  const { referrerSession, staffSession } = document.components.securitySchemes;
  assert.equal(referrerSession, { ...referrerSession, type: 'apiKey', in: 'cookie', name: SESSION_COOKIE });
  assert.equal(staffSession, { ...staffSession, type: 'apiKey', in: 'cookie', name: STAFF_COOKIE });
  assert.equal(operation(document, '/api/drafts', 'post').security, [{ referrerSession: [] }]);
  assert.equal(operation(document, '/api/staff/inbox', 'get').security, [{ staffSession: [] }]);
  assert.equal(operation(document, '/api/forms', 'get').security, []);
});

standalone(
  'should list the refusals the middleware gives, with the error body, on the routes that can give them',
  async () => {
    const document = await fetched();
    const save = operation(document, '/api/drafts', 'post').responses;
    for (const status of ['400', '401', '403', '409', '413', '415', '429', '500'])
      assert.equal(save[status]?.content['application/json']?.schema, { $ref: '#/components/schemas/Problem' }, status);
    assert.ok(operation(document, '/api/account/sign-in', 'post').responses['503'], 'a busy password check');
    assert.ok(operation(document, '/readyz', 'get').responses['503']);
    assert.is(operation(document, '/api/forms', 'get').responses['403'], undefined, 'a GET changes nothing');
  },
);

standalone('should refuse a compressed body on a route that reads none, as the document says (415)', async () => {
  const document = await fetched();
  const { baseUrl } = await builtApp();
  assert.ok(operation(document, '/api/forms', 'get').responses['415']);
  // fetch sends no body with a GET; a program written otherwise may.
  const sent = gzipSync('{}');
  const { status, body } = await new Promise<{ status?: number; body: string }>((done, fail) => {
    const request = httpRequest(
      `${baseUrl}/api/forms`,
      { method: 'GET', headers: { 'Content-Encoding': 'gzip', 'Content-Length': sent.length } },
      (response) => {
        let text = '';
        response
          .on('data', (chunk) => (text += chunk))
          .on('end', () => done({ status: response.statusCode, body: text }));
      },
    );
    request.on('error', fail).end(sent);
  });
  assert.is(status, 415);
  assert.is(JSON.parse(body).error.code, 'unsupported-encoding');
});

standalone('should pass redocly lint with the recommended rules: no error, no warning, offline', async () => {
  const document = await fetched();
  const { problems, totals } = await withDocumentFile(document, async (file) => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        join(root, 'node_modules/@redocly/cli/bin/cli.js'),
        'lint',
        '--config',
        join(root, 'redocly.yaml'),
        '--format',
        'json',
        file,
      ],
      {
        cwd: root,
        maxBuffer: 20 * 1024 * 1024,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    ).catch((error: { stdout?: string; stderr?: string }) => {
      // A lint with errors exits 1; its report is still the JSON on stdout.
      if (error.stdout) return { stdout: error.stdout };
      throw new Error(`redocly did not run: ${error.stderr}`);
    });
    return JSON.parse(stdout) as { problems: Array<{ ruleId: string; message: string }>; totals: object };
  });
  assert.equal(
    problems.map(({ ruleId, message }) => `${ruleId}: ${message}`),
    [],
  );
  assert.equal(totals, { errors: 0, warnings: 0, ignored: 0 });
});

standalone(
  'should give a generated client real types: answers, a draft saved and a form submitted compile',
  async () => {
    const document = await fetched();
    const generated = astToString(await openapiTS(document as never));
    const answersType = /^ {8}Answers: (\{[^}]*\});/m.exec(generated)?.[1] ?? '';
    assert.match(answersType, /\[key: string\]: components\["schemas"\]\["AnswerValue"\]/);
    assert.not.match(answersType, /never/);
    const program = `
import type { paths } from './api';
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type FormList = Json<paths['/api/forms']['get']['responses'][200]>;
type DraftSave = Json<paths['/api/drafts']['post']['requestBody']>;
type Saved = Json<paths['/api/drafts']['post']['responses'][201]>;
type Submit = Json<paths['/api/submissions']['post']['requestBody']>;
type Submitted = Json<paths['/api/submissions']['post']['responses'][201]>;
type Refused = Json<paths['/api/submissions']['post']['responses'][400]>;

export function referral(forms: FormList, saved: Saved): { save: DraftSave; submit: Submit } {
  const form = forms.forms.find((each) => each.id === 'social-care-referral') ?? forms.forms[0]!;
  const answers: DraftSave['answers'] = {
    personFirstName: 'Edith',
    personDateOfBirth: '1941-03-12',
    personAddress: { line1: '14 Marine Terrace', town: 'Southport', postcode: 'PR8 1RY' },
    supportNeeds: ['personal-care', 'mobility'],
    unpaidCarers: [{ carerName: 'Joan Marsh', carerRelationship: 'Daughter' }],
    declaration: true,
  };
  const save: DraftSave = { formId: form.id, formVersion: form.version, pageId: 'household', answers };
  const submit: Submit = {
    formId: form.id,
    formVersion: form.version,
    answers,
    idempotencyKey: 'b7Jq2vX9rT4mK8sN',
    draftId: saved.draft.id,
  };
  return { save, submit };
}
export const reference = (submitted: Submitted): string => submitted.submission.reference;
export const firstProblem = (refused: Refused): string | undefined => refused.error.fields?.[0]?.field;
// @ts-expect-error an answer is never null
export const noNull: DraftSave['answers'] = { personFirstName: null };
`;
    const diagnostics = await withDocumentFile(document, async (file) => {
      const dir = join(file, '..');
      await writeFile(join(dir, 'api.ts'), generated);
      await writeFile(join(dir, 'client.ts'), program);
      const compiled = ts.createProgram([join(dir, 'client.ts')], {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        noUncheckedIndexedAccess: true,
        types: [],
      });
      return ts
        .getPreEmitDiagnostics(compiled)
        .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    });
    assert.equal(diagnostics, []);
  },
);

standalone.run();
