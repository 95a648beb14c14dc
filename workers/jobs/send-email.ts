import { EmailMessage } from '../../db/index.js';
import { config } from '../../core/config/index.js';
import { renderEmail } from '../../core/mail/render.js';
import { isLastAttempt, type JobDefinition } from '../job-definition.js';

/**
 * Sends one stored email. The row is the source of truth: a sent row is
 * skipped, so a retry or a duplicate job sends nothing twice. The message id
 * is derived from the row, so a relay can also drop a rare duplicate.
 */
export const sendEmail: JobDefinition<'send-email'> = {
  name: 'send-email',
  concurrency: 4,
  async handle(job, context) {
    const email = await EmailMessage.findByPk(job.data.emailId);
    if (!email || email.status !== 'pending') return;
    const rendered = renderEmail(context.viewsDir, email.template, email.data);
    try {
      await context.mail.send({
        from: config.mailFrom,
        to: email.recipient,
        messageId: `<${email.id}@gatehouse>`,
        ...rendered,
      });
    } catch (error) {
      const last = isLastAttempt(job);
      await email.update({
        attempts: email.attempts + 1,
        lastError: String((error as Error).message).slice(0, 500),
        status: last ? 'failed' : 'pending',
      });
      throw error;
    }
    await email.update({
      status: 'sent',
      sentAt: new Date(),
      attempts: email.attempts + 1,
    });
  },
};
