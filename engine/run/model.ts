/** An index over a definition, built once per form: pages by id, questions by id and by page. */
import type { FormDefinition, GroupItem, Page, PageItem, Question, ChildQuestion } from '../types.ts';
import type { GroupQuestion } from '../definition/definition.types.ts';
import { isQuestion } from '../types.ts';

export interface QuestionEntry {
  question: Question;
  page: Page;
}

export interface FormModel {
  definition: FormDefinition;
  pageIndex: Map<string, number>;
  questions: Map<string, QuestionEntry>;
  /** The questions on each page, in order, by page id. */
  pageQuestions: Map<string, Question[]>;
}

function pageItems(page: Page): PageItem[] {
  return page.questions ?? [];
}

export function childQuestions(group: GroupQuestion): ChildQuestion[] {
  return group.questions.filter((item: GroupItem): item is ChildQuestion => isQuestion(item));
}

// Each group's questions, worked out once per group object: validation and preparing read them on every call.
const childrenOfGroup = new WeakMap<GroupQuestion, ChildQuestion[]>();

/** The questions of a group (without its text blocks), cached. */
export function groupChildren(group: GroupQuestion): ChildQuestion[] {
  let children = childrenOfGroup.get(group);
  if (!children) childrenOfGroup.set(group, (children = childQuestions(group)));
  return children;
}

export function buildModel(definition: FormDefinition): FormModel {
  const model: FormModel = { definition, pageIndex: new Map(), questions: new Map(), pageQuestions: new Map() };
  definition.pages.forEach((page, pageIndex) => {
    model.pageIndex.set(page.id, pageIndex);
    const onPage = pageItems(page).filter(isQuestion);
    // The first of two questions with one id wins here; the checker reports the second.
    for (const question of onPage)
      if (!model.questions.has(question.id)) model.questions.set(question.id, { question, page });
    model.pageQuestions.set(page.id, onPage);
  });
  return model;
}
