/**
 * The outbox relay's real receivers, in a process of their own: a local SMTP server and the
 * case system's webhook (tests/support). Says their addresses once listening; answers "count"
 * with how many of each arrived so far, forgetting their contents (a load run sends thousands).
 */
import { startSmtpServer } from '../../tests/support/smtp.ts';
import { startCaseSystem } from '../../tests/support/case-system.ts';

const smtp = await startSmtpServer();
const caseSystem = await startCaseSystem();
let emails = 0;
let deliveries = 0;
process.send!({ type: 'ready', smtpUrl: smtp.url, webhookUrl: caseSystem.url });
process.on('message', async (message: { type: string }) => {
  if (message.type === 'count') {
    emails += smtp.received.splice(0).length;
    deliveries += caseSystem.received.splice(0).length;
    process.send!({ type: 'count', emails, deliveries });
  } else if (message.type === 'stop') {
    await Promise.all([smtp.close(), caseSystem.close()]);
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
