/**
 * A form's definition as the portal's page carries it for the form's first page: that page whole,
 * and every later page with all that decides which answers are kept and which pages show (ids,
 * types, the options' values, conditions, limits, rules) but without its words: its content, and
 * the questions' hints and messages; their labels are there but empty, as a label is what tells a
 * question from a block of text. The browser shows the first page from it, and has the whole
 * definition from the API before it shows or checks any other page.
 */
import type { FormDefinition, Page } from '../types.ts';

/** The keys that hold only words a person reads: dropping them changes no answer and no page shown. */
const WORDS = new Set(['content', 'hint', 'summaryLabel', 'subject', 'messages', 'text', 'summary']);

function withoutWords(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutWords);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, inner]) =>
      WORDS.has(key) ? [] : [[key, key === 'label' ? '' : withoutWords(inner)]],
    ),
  );
}

export function openingDefinition(definition: FormDefinition): FormDefinition {
  const [first, ...later] = definition.pages;
  return {
    ...definition,
    // A page's title is not among the words dropped: the progress and the page's name need it.
    pages: [first!, ...later.map((page) => withoutWords(page) as Page)],
  };
}
