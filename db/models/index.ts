import type { Sequelize } from 'sequelize';
import { AdminPermission } from './admin-permission.js';
import { AuditExport } from './audit-export.js';
import { Company } from './company.js';
import { EmailMessage } from './email-message.js';
import { Member } from './member.js';
import { MemberProfile } from './member-profile.js';
import { News } from './news.js';
import { Organization } from './organization.js';
import { Session } from './session.js';

export * from './admin-permission.js';
export * from './audit-export.js';
export * from './company.js';
export * from './email-message.js';
export * from './member.js';
export * from './member-profile.js';
export * from './news.js';
export * from './organization.js';
export * from './session.js';

/** Binds every model to the given Sequelize instance. */
export function initModels(sequelize: Sequelize): void {
  for (const model of [
    Company,
    Organization,
    Member,
    MemberProfile,
    AdminPermission,
    Session,
    News,
    EmailMessage,
    AuditExport,
  ]) {
    model.initModel(sequelize);
  }
}
