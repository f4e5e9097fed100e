/**
 * The council's password policy, the same rules for the browser (checked as the person types) and
 * the server (checked again before anything is saved). Any character that is not a letter or a
 * digit counts as special, spaces and accented letters included.
 */

export interface PasswordRule {
  id: 'length' | 'letter' | 'allowed' | 'upper' | 'digit' | 'special';
  /** The rule as the guide words it. */
  text: string;
  test(password: string): boolean;
}

const MIN_PASSWORD_LENGTH = 12;
/** Long passphrases are welcome; the limit only stops absurd input. */
export const MAX_PASSWORD_LENGTH = 128;

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const UPPER = /\p{Lu}/u;
const SPECIAL = /[^\p{L}\p{Nd}]/u;
// Control characters cannot be typed, only pasted by mistake or injected.
const CONTROL = /\p{Cc}/u;

const PASSWORD_RULES: PasswordRule[] = [
  {
    id: 'length',
    text: `It must be at least ${MIN_PASSWORD_LENGTH} characters long`,
    test: (p) => [...p].length >= MIN_PASSWORD_LENGTH && [...p].length <= MAX_PASSWORD_LENGTH,
  },
  { id: 'letter', text: 'It must contain at least one letter', test: (p) => LETTER.test(p) },
  {
    id: 'allowed',
    text: 'It must contain only letters, digits, and special characters',
    test: (p) => !CONTROL.test(p),
  },
  { id: 'upper', text: 'It must contain at least one upper-case letter', test: (p) => UPPER.test(p) },
  { id: 'digit', text: 'It must contain at least one numerical digit', test: (p) => DIGIT.test(p) },
  { id: 'special', text: 'It must contain at least one special character', test: (p) => SPECIAL.test(p) },
];

/** The special characters listed beside the password box (any other symbol, a space or an accented letter counts too). */
export const SPECIAL_CHARACTERS = '! " # $ % & \' ( ) * + , - . / : ; < = > ? @ [ \\ ] ^ _ ` { | } ~';

/** Each rule with whether the password meets it. */
export function checkPasswordRules(password: string): Array<{ id: PasswordRule['id']; text: string; met: boolean }> {
  return PASSWORD_RULES.map((rule) => ({ id: rule.id, text: rule.text, met: rule.test(password) }));
}
