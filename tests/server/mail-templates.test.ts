import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mailTemplates } from '../../server/services/mail-templates.ts';
import { durationInWords } from '../../engine/index.ts';
import { HOUR, MINUTE } from '../../server/services/clock.ts';

const brand = { serviceName: 'Adult Social Care', councilName: 'Sefton Council', phone: '0345 140 0845' };

const inWords = suite('durationInWords');

inWords('should say minutes, or whole hours, in the singular for one', () => {
  assert.is(durationInWords(20 * MINUTE), '20 minutes');
  assert.is(durationInWords(MINUTE), '1 minute');
  assert.is(durationInWords(HOUR), '1 hour');
  assert.is(durationInWords(2 * HOUR), '2 hours');
  assert.is(durationInWords(90 * MINUTE), '90 minutes');
});

inWords('should round part of a minute up, so a code never lasts less than it says', () => {
  assert.is(durationInWords(MINUTE + 1), '2 minutes');
});

inWords.run();

const codeEmails = suite('Code emails');

codeEmails('should say how long the code lasts from the lifetime given, in the text and the HTML', () => {
  for (const template of [mailTemplates.registrationCode, mailTemplates.signInCode, mailTemplates.resetCode]) {
    const mail = template(brand, 'jo@example.org', 'Jo', '123456', 45 * MINUTE);
    assert.match(mail.text, 'The code expires in 45 minutes.');
    assert.match(mail.html, 'The code expires in 45 minutes.');
    assert.match(template(brand, 'jo@example.org', 'Jo', '123456', HOUR).text, 'The code expires in 1 hour.');
  }
});

codeEmails.run();
