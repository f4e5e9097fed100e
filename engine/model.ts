/**
 * An index over a definition, built once per form: every page and question with its position and
 * the JSON pointer of its place in the author's file.
 */
import type { FormDefinition, GroupItem, Page, PageItem, Question, ChildQuestion } from './types.ts';
import type { GroupQuestion } from './definition.types.ts';
import { isQuestion } from './types.ts';

export interface QuestionEntry {
  question: Question;
  page: Page;
  pageIndex: number;
  /** Position among all questions of the form, for "earlier question" checks and ordering. */
  order: number;
  pointer: string;
}

export interface ChildEntry {
  question: ChildQuestion;
  group: GroupQuestion;
  order: number;
  pointer: string;
}

export interface FormModel {
  definition: FormDefinition;
  pageIndex: Map<string, number>;
  questions: Map<string, QuestionEntry>;
  /** Each group's own questions, by group id and then question id. */
  children: Map<string, Map<string, ChildEntry>>;
  /** The questions on each page, in order, by page id. */
  pageQuestions: Map<string, Question[]>;
}

export function pageItems(page: Page): PageItem[] {
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
  const model: FormModel = {
    definition,
    pageIndex: new Map(),
    questions: new Map(),
    children: new Map(),
    pageQuestions: new Map(),
  };
  let order = 0;
  definition.pages.forEach((page, pageIndex) => {
    model.pageIndex.set(page.id, pageIndex);
    const onPage: Question[] = [];
    pageItems(page).forEach((item, itemIndex) => {
      if (!isQuestion(item)) return;
      const pointer = `/pages/${pageIndex}/questions/${itemIndex}`;
      onPage.push(item);
      // The first of two questions with one id wins here; the checker reports the second.
      if (!model.questions.has(item.id)) model.questions.set(item.id, { question: item, page, pageIndex, order: order++, pointer });
      if (item.type !== 'group') return;
      const children = new Map<string, ChildEntry>();
      item.questions.forEach((child, childIndex) => {
        if (!isQuestion(child) || children.has(child.id)) return;
        children.set(child.id, { question: child as ChildQuestion, group: item, order: order++, pointer: `${pointer}/questions/${childIndex}` });
      });
      model.children.set(item.id, children);
    });
    model.pageQuestions.set(page.id, onPage);
  });
  return model;
}
