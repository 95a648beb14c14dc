import type { Transaction } from 'sequelize';
import { EmailMessage, News } from '../db/index.js';
import { enqueue, jobId } from './queues/index.js';

/** Where an email row lists the data keys to erase after sending. */
export const secretFieldsKey = '_secretFields';

/** A notice for one member: news under the bell, and an email. */
export interface Notification {
  companyId: string;
  memberId: string;
  recipient: string;
  kind: string;
  title: string;
  body: string;
  link?: string;
  email: {
    template: string;
    data: Record<string, unknown>;
    /**
     * Keys of data that must not outlive the send (a reset link, a
     * temporary password); send-email removes them once the mail is out.
     */
    secretFields?: string[];
  };
  /** Makes the notice happen once, however often the caller runs. */
  dedupeKey: string;
}

/**
 * Writes the news row, then the email row, in the caller's transaction; the
 * returned function enqueues the send and must run after commit. A crash in
 * between leaves a pending email row that the outbox sweep sends later.
 */
export async function notify(
  notice: Notification,
  transaction: Transaction,
): Promise<() => Promise<void>> {
  await News.findOrCreate({
    where: { dedupeKey: notice.dedupeKey },
    defaults: {
      companyId: notice.companyId,
      memberId: notice.memberId,
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      link: notice.link ?? null,
      dedupeKey: notice.dedupeKey,
    },
    transaction,
  });
  const [email] = await EmailMessage.findOrCreate({
    where: { dedupeKey: notice.dedupeKey },
    defaults: {
      companyId: notice.companyId,
      memberId: notice.memberId,
      recipient: notice.recipient,
      template: notice.email.template,
      data: notice.email.secretFields?.length
        ? { ...notice.email.data, [secretFieldsKey]: notice.email.secretFields }
        : notice.email.data,
      dedupeKey: notice.dedupeKey,
    },
    transaction,
  });
  return async () => {
    if (email.status !== 'pending') return;
    await enqueue(
      'send-email',
      { emailId: email.id },
      { jobId: jobId('send-email', email.id) },
    );
  };
}
