/**
 * What the build writes for integrators, for each form version: the answers' JSON Schema and
 * TypeScript type, under build/forms/<id>/.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compileForm, integratorAnswersSchema, type FormDefinition } from '../../engine/index.ts';
import { findDefinitionFiles } from './check-form-files.ts';
import { answersTypeSource } from './answers-type.ts';

/** Every definition in forms/, each checked (a broken one throws, naming its problems, before anything is written). */
export async function loadDefinitions(formsDir: string): Promise<FormDefinition[]> {
  const definitions: FormDefinition[] = [];
  for (const file of await findDefinitionFiles(formsDir)) {
    const definition = JSON.parse(await readFile(file, 'utf8')) as FormDefinition;
    compileForm(definition);
    definitions.push(definition);
  }
  return definitions;
}

export interface IntegratorFiles {
  id: string;
  version: number;
  answersSchema: string;
  answersType: string;
}

export async function writeIntegratorFiles(definitions: FormDefinition[], outDir: string): Promise<IntegratorFiles[]> {
  const written: IntegratorFiles[] = [];
  for (const definition of definitions) {
    const base = join(outDir, 'forms', definition.id, `v${definition.version}`);
    await mkdir(join(outDir, 'forms', definition.id), { recursive: true });
    const schema = integratorAnswersSchema(definition);
    const files = {
      id: definition.id,
      version: definition.version,
      answersSchema: `${base}.answers.schema.json`,
      answersType: `${base}.answers.d.ts`,
    };
    await writeFile(files.answersSchema, `${JSON.stringify(schema, null, 2)}\n`);
    await writeFile(files.answersType, await answersTypeSource(definition, schema));
    written.push(files);
  }
  return written;
}
