/**
 * The server's word on a new password: the council's composition rules (shared with the
 * browser), and then, since those rules let "Password123!" through, a refusal of passwords that
 * are common, built on the council's name, or on the person's own name or email.
 */
import { createRequire } from 'node:module';
import { checkPasswordRules, MAX_PASSWORD_LENGTH } from '../../engine/index.ts';

// zxcvbn-ts's list of common passwords, most common first; the first 10,000 are the ones
// attackers try first.
const common = new Set<string>(
  (createRequire(import.meta.url)('@zxcvbn-ts/language-common').dictionary['passwords-common'] as string[]).slice(
    0,
    10_000,
  ),
);

const LEET: Record<string, string> = { '@': 'a', 4: 'a', 3: 'e', 1: 'i', '!': 'i', 0: 'o', $: 's', 5: 's', 7: 't' };

/** The word under the decoration: "P@ssw0rd2024!" is "password". */
function baseWord(password: string): string {
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return [...(core || lower)]
    .map((c) => LEET[c] ?? c)
    .join('')
    .replace(/[^\p{L}]/gu, '');
}

export interface PasswordContext {
  /** Words that must not be the heart of a password: the council's name, the person's names, their email. */
  words: string[];
}

/** Why a password is refused, in words a person can act on; empty when it is acceptable. */
export function passwordProblems(typed: string, typedConfirm: string | undefined, context: PasswordContext): string[] {
  // Judged as it is hashed: "ｐａｓｓｗｏｒｄ" in full-width letters is "password".
  const password = typed.normalize('NFKC');
  const confirm = typedConfirm?.normalize('NFKC');
  if ([...password].length > MAX_PASSWORD_LENGTH)
    return [`Your password must be ${MAX_PASSWORD_LENGTH} characters or fewer`];
  const unmet = checkPasswordRules(password)
    .filter((rule) => !rule.met)
    .map((rule) => `Your password does not meet the policy: ${rule.text.replace(/^It/, 'it')}`);
  if (unmet.length) return unmet;
  if (confirm !== undefined && confirm !== password)
    return ['The passwords do not match: enter the same password twice'];
  // The password as it is, its word under the decoration, and its letters alone.
  const lettersOnly = password.toLowerCase().replace(/[^\p{L}]/gu, '');
  const forms = [password.toLowerCase(), baseWord(password), lettersOnly];
  if (forms.some((form) => common.has(form))) {
    return [
      'This password is too common: it is one of the first that people trying to break into accounts guess. Choose one that is harder to guess, such as three random words with a number and a symbol',
    ];
  }
  const personal = context.words.map((w) => w.toLowerCase().replace(/[^\p{L}]/gu, '')).filter((w) => w.length >= 3);
  if (
    personal.some((word) =>
      forms.slice(1).some((form) => form === word || (form.includes(word) && form.length - word.length < 4)),
    )
  ) {
    return [
      "This password is too easy to guess from your name, your email address or the council's name. Choose one that is not built on them",
    ];
  }
  return [];
}
