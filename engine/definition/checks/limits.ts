/** Limits an answer can meet: a minimum no more than its maximum, and options each with their own value. */
import { DEFAULT_MAX_LENGTH } from '../limits.ts';
import type { AnyQuestion, CheckContext } from './context.ts';

export function checkLimits(ctx: CheckContext, question: AnyQuestion, pointer: string): void {
  const tooSmall = (what: string, low: string, high: string) =>
    ctx.problem(
      pointer,
      'bad-limits',
      `"${question.id}" has ${what}: ${low} is more than ${high}. Make the minimum no more than the maximum.`,
    );
  if ('options' in question) {
    const values = new Set<string>();
    question.options.forEach((option, o) => {
      if (values.has(option.value))
        ctx.problem(
          `${pointer}/options/${o}/value`,
          'duplicate-option',
          `The option value "${option.value}" is used twice in "${question.id}". Give each option its own value.`,
        );
      values.add(option.value);
      if (option.exclusive && question.type !== 'checkboxes')
        ctx.problem(
          `${pointer}/options/${o}/exclusive`,
          'bad-exclusive',
          `"exclusive" is only for checkboxes: one of these options is always chosen alone. Remove it.`,
        );
    });
  }
  switch (question.type) {
    case 'text':
    case 'textarea': {
      const max = question.maxLength ?? DEFAULT_MAX_LENGTH[question.type];
      if (question.minLength && question.minLength > max)
        tooSmall('a minLength larger than its maxLength', `${question.minLength}`, `${max}`);
      break;
    }
    case 'number':
      if (question.min > question.max) tooSmall('a min larger than its max', `${question.min}`, `${question.max}`);
      break;
    case 'checkboxes': {
      const max = question.maxItems ?? question.options.length;
      if (max > question.options.length)
        ctx.problem(
          `${pointer}/maxItems`,
          'bad-limits',
          `"${question.id}" allows ${max} choices but has only ${question.options.length} options. Lower maxItems.`,
        );
      if ((question.minItems ?? 0) > max)
        tooSmall('a minItems larger than its maxItems', `${question.minItems}`, `${max}`);
      break;
    }
    case 'group':
      if ((question.minItems ?? 0) > question.maxItems)
        tooSmall('a minItems larger than its maxItems', `${question.minItems}`, `${question.maxItems}`);
      break;
  }
}
