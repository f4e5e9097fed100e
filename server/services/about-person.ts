/**
 * Who a saved or submitted form is about ("Edith Marsh"), read from its own sealed answers when
 * asked, so the name is never kept in clear beside them. The questions are those its version's
 * `aboutPerson` names; a version from before the definitions named them (v1) uses the newest
 * version's, where it asks the same text questions.
 */
import { personAbout, type Answers, type FormDefinition } from '../../engine/index.ts';
import type { FormCatalogue } from './form-catalogue.ts';
import { SealedValueError, type AnswersAtRest } from './answers-at-rest.ts';

export interface AboutPerson {
  /** Whom these answers (in clear, as a save or submission has them) say the form is about. */
  inAnswers(formId: string, formVersion: number, answers: Answers): string | undefined;
  /** Whom sealed answers say the form is about; nothing when they will not open. */
  inSealed(formId: string, formVersion: number, record: string, sealed: string): Promise<string | undefined>;
}

export function createAboutPerson(catalogue: FormCatalogue, answersAtRest: AnswersAtRest): AboutPerson {
  const namedBy = (formId: string, formVersion: number): FormDefinition['aboutPerson'] => {
    const entry = catalogue.get(formId, formVersion);
    if (!entry) return undefined;
    if (entry.definition.aboutPerson) return entry.definition.aboutPerson;
    const asked = (catalogue.get(formId)?.definition.aboutPerson ?? []).filter(
      (id) => entry.form.question(id)?.question.type === 'text',
    );
    return asked.length ? (asked as [string, ...string[]]) : undefined;
  };
  const inAnswers = (formId: string, formVersion: number, answers: Answers) => {
    const aboutPerson = namedBy(formId, formVersion);
    return aboutPerson ? personAbout({ aboutPerson }, answers) : undefined;
  };
  return {
    inAnswers,
    async inSealed(formId, formVersion, record, sealed) {
      if (!namedBy(formId, formVersion)) return undefined;
      try {
        return inAnswers(formId, formVersion, await answersAtRest.open<Answers>(record, sealed));
      } catch (error) {
        // A form whose key is not at hand is still listed, only without its name (the log at start names the key).
        if (error instanceof SealedValueError) return undefined;
        throw error;
      }
    },
  };
}
