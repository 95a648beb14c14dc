import fs from 'node:fs/promises';
import { Op } from 'sequelize';
import { AuditExport } from '../../db/index.js';
import type { JobDefinition } from '../job-definition.js';

/** Deletes the files of expired exports; their links then say so. */
export const auditExportExpiry: JobDefinition<'audit-export-expiry'> = {
  name: 'audit-export-expiry',
  async handle() {
    const expired = await AuditExport.findAll({
      where: { status: 'ready', expiresAt: { [Op.lte]: new Date() } },
      limit: 500,
    });
    for (const row of expired) {
      if (row.filePath) await fs.rm(row.filePath, { force: true });
      await row.update({ status: 'expired', filePath: null });
    }
  },
};
