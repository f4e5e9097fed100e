/**
 * Each form version's flow for its authors, a picture and the same facts as Markdown, under
 * <build>/public/flows/<form-id>-v<N>.svg and .md: the server serves them at /flows/….
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { flowMarkdown, flowSvg, formFlow, type FormDefinition } from '../../engine/index.ts';

export interface FlowFiles {
  id: string;
  version: number;
  svg: string;
  markdown: string;
}

/** The files' name, without its extension: dols-form-1-v2. */
export const flowName = (definition: Pick<FormDefinition, 'id' | 'version'>) =>
  `${definition.id}-v${definition.version}`;

/** Writes the flows of the definitions (sound ones) into `dir`. */
export async function writeFlowFiles(definitions: FormDefinition[], dir: string): Promise<FlowFiles[]> {
  await mkdir(dir, { recursive: true });
  return Promise.all(
    definitions.map(async (definition) => {
      const flow = formFlow(definition);
      const files = {
        id: definition.id,
        version: definition.version,
        svg: join(dir, `${flowName(definition)}.svg`),
        markdown: join(dir, `${flowName(definition)}.md`),
      };
      await Promise.all([writeFile(files.svg, flowSvg(flow)), writeFile(files.markdown, flowMarkdown(flow))]);
      return files;
    }),
  );
}
