/**
 * Reads the environment against its schema (ajv, every error at once) and the rules between
 * variables, and says each problem in words: what is wrong, then how to fix it. An empty
 * variable counts as unset. Values are quoted only when they are not secrets, and never with the
 * password of a URL.
 */
import { Ajv, type ErrorObject } from 'ajv';
import type { ConfigProblem } from './config-error.ts';
import { envSchema, type VariableSchema } from './env-schema.ts';
import { configKeywords, masked } from './keywords.ts';
import { ruleProblems } from './rules.ts';

const ajv = new Ajv({
  allErrors: true,
  coerceTypes: true,
  useDefaults: true,
  allowUnionTypes: true,
  keywords: configKeywords,
});
ajv.addVocabulary(['fix', 'expected']);
const validate = ajv.compile(envSchema);

const properties: Record<string, VariableSchema> = envSchema.properties;
const OWN_KEYWORDS = new Set(configKeywords.map((definition) => definition.keyword as string));

/** How a value may be quoted in a message: not at all for a secret, and without a URL's password. */
function shown(variable: string, value: string): string | null {
  return properties[variable]?.writeOnly ? null : masked(value);
}

/** What a standard keyword found wrong, and a fix of its own when the value suggests one. */
function whatIsWrong(error: ErrorObject, variable: string, value: string): { what: string; fix?: string } {
  const subject = shown(variable, value) ?? 'it';
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: string[] }).allowedValues;
    // Production, PRODUCTION, prod: one meant, written otherwise.
    const meant = allowed.find((option) => option.startsWith(value.trim().toLowerCase().slice(0, 3)));
    return { what: `${subject} is not one of ${allowed.join(', ')}`, fix: meant && `write ${meant}, in lower case` };
  }
  if (error.keyword === 'minimum' || error.keyword === 'maximum') {
    const { limit } = error.params as { limit: number };
    return { what: `${subject} is ${error.keyword === 'minimum' ? 'below' : 'above'} ${limit}` };
  }
  return { what: `${subject} is not ${properties[variable]?.expected ?? 'in the form expected'}` };
}

export interface CheckedEnv {
  /** The variables the schema knows, typed, with their defaults. */
  values: Record<string, unknown>;
  problems: ConfigProblem[];
}

/**
 * Whether NODE_ENV means production, as written or miswritten (Production, prod): production's
 * requirements are checked then, and the authors' preview (npm run preview) will not start.
 */
export function meantAsProduction(env: NodeJS.ProcessEnv): boolean {
  return /^prod/i.test(env.NODE_ENV?.trim() ?? '');
}

export function checkEnv(env: NodeJS.ProcessEnv): CheckedEnv {
  const written: Record<string, string> = {};
  for (const name of Object.keys(properties)) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') written[name] = value;
  }
  const values: Record<string, unknown> = { ...written };
  const problems: ConfigProblem[] = [];
  const refused = new Set<string>();
  if (!validate(values)) {
    for (const error of validate.errors ?? []) {
      const variable = error.instancePath.slice(1);
      const own = OWN_KEYWORDS.has(error.keyword);
      // A standard keyword says one thing per variable; the portal's own may find several.
      if (!own && refused.has(variable)) continue;
      refused.add(variable);
      const { what, fix } = own
        ? { what: error.message!, fix: (error.params as { fix?: string }).fix }
        : whatIsWrong(error, variable, written[variable] ?? '');
      problems.push({ variable, message: `${what}; ${fix || properties[variable]!.fix}` });
    }
  }
  const production = meantAsProduction(env);
  problems.push(...ruleProblems(values, refused, production));
  return { values, problems };
}
