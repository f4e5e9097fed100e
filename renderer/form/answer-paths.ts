/** Changing one answer by its path ("consultees.0.name") without touching the others: answers stay immutable, so Lit sees every change. */
import type { AnswerValue, Answers } from '../../engine/runtime.ts';

type Container = Record<string, unknown> | unknown[];

function withChild(container: Container, key: string, value: unknown): Container {
  if (Array.isArray(container)) {
    const copy = [...container];
    copy[Number(key)] = value;
    return copy;
  }
  const copy = { ...container };
  if (value === undefined) delete copy[key];
  else copy[key] = value;
  return copy;
}

export function setAt(answers: Answers, path: string, value: AnswerValue | undefined): Answers {
  const keys = path.split('.');
  const set = (container: Container, index: number): Container => {
    const key = keys[index]!;
    if (index === keys.length - 1) return withChild(container, key, value);
    const child = (Array.isArray(container) ? container[Number(key)] : container[key]) as Container | undefined;
    const next = child ?? (/^\d+$/.test(keys[index + 1]!) ? [] : {});
    return withChild(container, key, set(next, index + 1));
  };
  return set(answers as Container, 0) as Answers;
}

/** The answer at a path ("consultees.0.name"), or undefined where there is none. */
export function getAt(answers: Answers, path: string): AnswerValue | undefined {
  let at: unknown = answers;
  for (const key of path.split('.')) {
    if (!at || typeof at !== 'object') return undefined;
    at = Array.isArray(at) ? at[Number(key)] : (at as Record<string, unknown>)[key];
  }
  return at as AnswerValue | undefined;
}
