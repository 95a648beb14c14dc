import { Op } from 'sequelize';
import { AuditExport, EmailMessage } from '../../db/index.js';
import { enqueue, jobId } from '../../core/queues/index.js';
import type { JobDefinition } from '../job-definition.js';

const grace = () => new Date(Date.now() - 60_000);

/**
 * Re-enqueues work whose enqueue was lost between a commit and a crash:
 * pending emails and exports older than a minute. Deterministic job ids
 * make this a no-op while the original job still exists.
 */
export const outboxSweep: JobDefinition<'outbox-sweep'> = {
  name: 'outbox-sweep',
  async handle() {
    const emails = await EmailMessage.findAll({
      where: { status: 'pending', createdAt: { [Op.lt]: grace() } },
      attributes: ['id'],
      limit: 1000,
    });
    for (const { id } of emails) {
      await enqueue(
        'send-email',
        { emailId: id },
        { jobId: jobId('send-email', id) },
      );
    }
    const exports = await AuditExport.findAll({
      where: { status: 'pending', createdAt: { [Op.lt]: grace() } },
      attributes: ['id'],
      limit: 100,
    });
    for (const { id } of exports) {
      await enqueue(
        'audit-export',
        { exportId: id },
        { jobId: jobId('audit-export', id) },
      );
    }
  },
};
