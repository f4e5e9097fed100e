import { html, type TemplateResult } from 'lit';
import { checkPasswordRules, SPECIAL_CHARACTERS } from '../../engine/runtime.ts';
import type { AccountFormController } from './account-form.ts';

/** A new password and its confirmation, beside the password policy, which ticks each rule off as it is met. */
export function passwordFields(form: AccountFormController, newLabel = 'Password'): TemplateResult {
  const rules = checkPasswordRules(form.value('password'));
  return html`
    <div class="password-layout">
      <div>
        ${form.field('password', newLabel, { type: 'password', autocomplete: 'new-password', describedBy: 'password-policy' })}
        ${form.field('confirmPassword', 'Confirm password', { type: 'password', autocomplete: 'new-password' })}
      </div>
      <div class="policy" id="password-policy">
        <h2 class="policy-title">Password policy</h2>
        <p>Your password must meet the following requirements:</p>
        <ul class="rules">
          ${rules.map((rule) => html`<li class=${rule.met ? 'met' : 'unmet'}><span class="visually-hidden">${rule.met ? 'Done: ' : 'Not yet: '}</span>${rule.text}</li>`)}
        </ul>
        <details><summary>Click to see list of special characters</summary><div class="details-text"><p class="special">${SPECIAL_CHARACTERS}</p><p>A space, or any other character that is not a letter or a digit, counts too.</p></div></details>
      </div>
    </div>`;
}
