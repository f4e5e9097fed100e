/**
 * docs/definition-reference.md, written from engine/definition/definition.schema.json: every
 * property a definition can have, with what it takes and the words an author's editor shows for it,
 * and every allowed value with its own words. The words live in the schema alone, so the page says
 * what the schema says; `npm run docs` writes it, and the tests fail when the committed page differs.
 */

type Schema = Record<string, unknown> & {
  $ref?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: unknown[];
  markdownEnumDescriptions?: string[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  items?: Schema;
};
type Defs = Record<string, Schema>;

export const REFERENCE_PATH = 'docs/definition-reference.md';
export const REFERENCE_COMMAND = 'npm run docs';

/** A heading's anchor as GitHub makes it. */
const anchor = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');

const partOf = (ref: string) => ref.replace(/^#\/\$defs\//, '');
const code = (value: unknown) => `\`${JSON.stringify(value)}\``;

/** One section of the page: a heading, the words above its list, and the object whose properties it lists. */
interface Section {
  heading: string;
  level: 2 | 3;
  intro?: string;
  object?: Schema;
  /** The parts under $defs this section explains, for links from the properties that take them. */
  parts?: string[];
}

function sections(schema: Schema, defs: Defs): Section[] {
  const typeOf = (name: string) => (defs[name]!.properties!.type as { const: string }).const;
  const branches = (name: string) => (defs[name]!.oneOf ?? []).map((branch) => partOf(branch.$ref!));
  const blocks = branches('contentBlock');
  const items = branches('pageItem');
  const questions = items.filter((name) => !blocks.includes(name));
  const questionBase = defs.questionBase!.properties!;
  const planned: Section[] = [
    { heading: 'The form', level: 2, intro: schema.description, object: schema },
    { heading: 'Pages', level: 2, intro: defs.page!.description, object: defs.page, parts: ['page'] },
    { heading: 'Text blocks', level: 2, intro: defs.contentBlock!.description, parts: ['contentBlock'] },
    ...blocks.map((name) => ({
      heading: `${typeOf(name)} block`,
      level: 3 as const,
      intro: defs[name]!.description,
      object: defs[name],
      parts: [name],
    })),
    {
      heading: 'Text with a link or in bold',
      level: 3,
      intro: defs.inline!.description,
      object: (defs.inline!.anyOf ?? []).find((branch) => branch.properties),
      parts: ['inline', 'richText'],
    },
    { heading: 'Questions', level: 2, intro: defs.pageItem!.description, parts: ['pageItem', 'groupItem'] },
    {
      heading: 'Every question',
      level: 3,
      intro: defs.questionBase!.description,
      object: defs.questionBase,
      parts: ['questionBase'],
    },
    ...questions.map((name) => ({
      heading: `${typeOf(name)} question`,
      level: 3 as const,
      intro: defs[name]!.description,
      object: defs[name],
      parts: [name],
    })),
    {
      heading: 'Options',
      level: 3,
      intro: defs.option!.description,
      object: defs.option,
      parts: ['option', 'options'],
    },
    {
      heading: 'Prefill',
      level: 3,
      intro: questionBase.prefill!.description,
      object: defs.prefill,
      parts: ['prefill'],
    },
    {
      heading: 'Error messages',
      level: 3,
      intro: questionBase.messages!.description,
      object: defs.messages,
      parts: ['messages'],
    },
    { heading: 'Dates', level: 2, intro: undefined },
    { heading: 'Date rules', level: 3, intro: defs.dateRule!.description, object: defs.dateRule, parts: ['dateRule'] },
    {
      heading: 'A date to compare with',
      level: 3,
      intro: 'In date rules and in conditions on dates: "today" or "question", and optionally an offset.',
      object: merged(defs.dateRef!.oneOf ?? []),
      parts: ['dateRef'],
    },
    {
      heading: 'Conditions',
      level: 2,
      intro: 'A condition is one of these; "all", "any" and "not" combine them to any depth.',
      parts: ['condition'],
    },
    ...branchesOf(defs.condition!).map((name) => ({
      heading: conditionHeading(defs[name]!),
      level: 3 as const,
      intro: defs[name]!.description,
      object: defs[name],
      parts: [name],
    })),
  ];
  // A part the plan does not place still gets a section, so nothing the schema allows goes unlisted.
  const placed = new Set(planned.flatMap((section) => section.parts ?? []));
  const others = Object.entries(defs)
    .filter(([name, def]) => !placed.has(name) && def.properties && isReachable(schema, name))
    .map(([name, def]) => ({
      heading: (def.title as string) ?? name,
      level: 3 as const,
      intro: def.description,
      object: def,
      parts: [name],
    }));
  return others.length ? [...planned, { heading: 'Other parts', level: 2 }, ...others] : planned;
}

/** A condition of one property by that property ("all", "not"), the test of an answer by what it is. */
function conditionHeading(condition: Schema): string {
  const names = Object.keys(condition.properties ?? {});
  return names.length === 1 ? names[0]! : 'A test of one answer';
}

function branchesOf(schema: Schema): string[] {
  return [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].flatMap((branch) =>
    branch.$ref ? [partOf(branch.$ref)] : [],
  );
}

/** The properties of several branches (a date is today, or another question's answer) as one list. */
function merged(branches: Schema[]): Schema {
  const properties: Record<string, Schema> = {};
  for (const branch of branches) Object.assign(properties, branch.properties);
  return { properties };
}

function isReachable(schema: Schema, name: string): boolean {
  const text = JSON.stringify({ ...schema, $defs: undefined });
  const seen = new Set<string>();
  const defs = schema.$defs as Defs;
  const visit = (json: string) => {
    for (const [, part] of json.matchAll(/"#\/\$defs\/([^"/]+)"/g)) {
      if (seen.has(part!)) continue;
      seen.add(part!);
      visit(JSON.stringify(defs[part!]));
    }
  };
  visit(text);
  return seen.has(name);
}

/** How a property that takes a part with a section of its own names it, linking there. */
const NOUNS: Record<string, string> = {
  page: 'a page',
  contentBlock: 'a text block',
  pageItem: 'a question or a text block',
  groupItem: 'a question or a text block',
  richText: 'text, or a list of pieces of text',
  inline: 'a piece of text',
  option: 'an option',
  options: 'a list of options (1 to 100)',
  prefill: 'a prefill',
  messages: 'messages',
  dateRule: 'a date rule',
  dateRef: 'a date to compare with',
  condition: 'a condition',
};
const nounOf = (part: string, title: unknown) =>
  NOUNS[part] ?? String(title ?? part).replace(/([a-z])([A-Z])/g, (_, a, b) => `${a} ${b.toLowerCase()}`);

/** What a property takes, in words: "text, up to 300 characters", "a list (at most 60), each a page". */
function takes(schema: Schema, defs: Defs, linkOf: (part: string) => string | undefined): string {
  if (schema.$ref) {
    const part = partOf(schema.$ref);
    const link = linkOf(part);
    return link ? `[${nounOf(part, defs[part]!.title)}](#${link})` : takes(defs[part]!, defs, linkOf);
  }
  if (schema.allOf) return schema.allOf.map((inner) => takes(inner, defs, linkOf)).join(' and ');
  if ('const' in schema) return code(schema.const);
  if (schema.enum) return `one of ${schema.enum.map(code).join(', ')}`;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return alternatives.map((inner) => takes(inner, defs, linkOf)).join(', or ');
  const range = (low: unknown, high: unknown) =>
    low !== undefined && high !== undefined
      ? `${low} to ${high}`
      : low !== undefined
        ? `${low} or more`
        : high !== undefined
          ? `at most ${high}`
          : '';
  switch (schema.type) {
    case 'string':
      return schema.maxLength !== undefined ? `text, up to ${schema.maxLength} characters` : 'text';
    case 'integer':
    case 'number': {
      const within = range(schema.minimum, schema.maximum);
      return `${schema.type === 'integer' ? 'a whole number' : 'a number'}${within ? `, ${within}` : ''}`;
    }
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'an object';
    case 'array': {
      const count = range(schema.minItems, schema.maxItems);
      return `a list${count ? ` (${count})` : ''}, each ${takes(schema.items ?? {}, defs, linkOf)}`;
    }
  }
  if (Array.isArray(schema.type)) return 'text, a number, or true or false';
  return 'anything';
}

/** The enum a property takes, itself or through the part it refers to. */
function enumOf(schema: Schema, defs: Defs): Schema | undefined {
  if (schema.enum) return schema;
  return schema.$ref ? enumOf(defs[partOf(schema.$ref)]!, defs) : undefined;
}

/** Words on one line, with "<" written so that Markdown shows it rather than reading a tag. */
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').replace(/</g, '&lt;');

function propertyList(object: Schema, defs: Defs, linkOf: (part: string) => string | undefined, indent = ''): string[] {
  const lines: string[] = [];
  for (const [name, property] of Object.entries(object.properties ?? {})) {
    const required = object.required?.includes(name) ? ' (required)' : '';
    const words = property.description ? ` ${oneLine(property.description)}` : '';
    const nested = Boolean(property.properties && !property.$ref);
    lines.push(`${indent}- \`${name}\`${required}: ${takes(property, defs, linkOf)}.${words}`);
    if (nested) lines.push(...propertyList(property, defs, linkOf, `${indent}  `));
    const values = enumOf(property, defs);
    values?.enum?.forEach((value, i) => {
      const text = values.markdownEnumDescriptions?.[i];
      lines.push(`${indent}  - ${code(value)}${text ? `: ${oneLine(text)}` : ''}`);
    });
  }
  return lines;
}

/** The page, from the schema as it stands. */
export function definitionReference(schema: Schema): string {
  const defs = schema.$defs as Defs;
  const all = sections(schema, defs);
  const links = new Map<string, string>();
  for (const section of all) for (const part of section.parts ?? []) links.set(part, anchor(section.heading));
  const linkOf = (part: string) => links.get(part);
  const out = [
    '# Form definition reference',
    '',
    `<!-- Written by \`${REFERENCE_COMMAND}\` from engine/definition/definition.schema.json: change the words there, then run it. -->`,
    '',
    'Every property a form definition can have, what it takes, and what it does: the same words your editor shows',
    'as you type a definition that starts with `"$schema": "../../engine/definition/definition.schema.json"`.',
    'For a guided tour with examples, read [Writing a form definition](definition-format.md).',
    '',
    ...all.map((section) => `${section.level === 3 ? '  ' : ''}- [${section.heading}](#${anchor(section.heading)})`),
  ];
  for (const section of all) {
    out.push('', `${'#'.repeat(section.level)} ${section.heading}`);
    if (section.intro) out.push('', oneLine(section.intro));
    if (section.object?.properties) out.push('', ...propertyList(section.object, defs, linkOf));
  }
  return `${out.join('\n')}\n`;
}
