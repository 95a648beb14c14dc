import { EmailMessage } from '../../db/index.js';
import { config } from '../../core/config/index.js';
import { renderEmail } from '../../core/mail/render.js';
import { secretFieldsKey } from '../../core/notify.js';
import { isLastAttempt, type JobDefinition } from '../job-definition.js';

// A sent (or finally failed) email keeps no reset link or password: the
// row stays as a record of what was sent, not as a second copy of secrets.
function withoutSecrets(
  data: Record<string, unknown>,
): Record<string, unknown> {
  const secret = new Set((data[secretFieldsKey] as string[] | undefined) ?? []);
  if (secret.size === 0) return data;
  return Object.fromEntries(
    Object.entries(data)
      .filter(([key]) => key !== secretFieldsKey)
      .map(([key, value]) => [
        key,
        secret.has(key) ? '[removed after sending]' : value,
      ]),
  );
}

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
        ...(last ? { data: withoutSecrets(email.data) } : {}),
      });
      throw error;
    }
    await email.update({
      status: 'sent',
      sentAt: new Date(),
      attempts: email.attempts + 1,
      data: withoutSecrets(email.data),
    });
  },
};
