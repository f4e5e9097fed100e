/**
 * A form's definition as the portal's page carries it for the form's first page: that page whole,
 * and of every later page only what decides which answers are kept and which pages show: its id,
 * kind, condition and whether it needs an account, and its questions' ids, types, conditions and
 * computations (a group's own questions likewise), each with an empty label, as a label is what
 * tells a question from a block of text. Nothing there is read until the whole definition has
 * come, but a save made meanwhile keeps the answers the whole definition would. The browser shows
 * the first page from it, and has the whole definition from the API before it shows or checks any
 * other page.
 */
import { isQuestion, type FormDefinition, type Page, type PageItem } from '../types.ts';

const PAGE_KEYS = ['id', 'kind', 'showIf', 'requiresAccount'] as const;
const QUESTION_KEYS = ['id', 'type', 'showIf', 'compute'] as const;

function pick<K extends string>(from: Record<string, unknown>, keys: readonly K[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => from[key] !== undefined).map((key) => [key, from[key]]));
}

/** A page's questions as prepare() reads them; its blocks of text dropped. */
function questionsOf(items: unknown[] | undefined): Record<string, unknown>[] | undefined {
  return items?.flatMap((item) => {
    if (!isQuestion(item as PageItem)) return [];
    const question = item as Record<string, unknown>;
    const kept = { ...pick(question, QUESTION_KEYS), label: '' };
    const inner = questionsOf(question.questions as unknown[] | undefined);
    return [inner ? { ...kept, questions: inner } : kept];
  });
}

export function openingDefinition(definition: FormDefinition): FormDefinition {
  const [first, ...later] = definition.pages;
  const outline = (page: Page) => {
    const kept = pick(page as unknown as Record<string, unknown>, PAGE_KEYS);
    const questions = questionsOf(page.questions);
    return (questions ? { ...kept, questions } : kept) as unknown as Page;
  };
  return { ...definition, pages: [first!, ...later.map(outline)] };
}
