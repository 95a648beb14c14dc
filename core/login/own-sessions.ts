import { Op } from 'sequelize';
import { database, Session, type Member } from '../../db/index.js';
import { recordAudit, type RequestContext } from '../audit/record.js';
import { revokeSession } from '../auth/sessions.js';
import { AppError } from '../errors.js';

/** One of a member's live sessions, as their sessions page lists it. */
export interface SessionSummary {
  id: string;
  ip: string | null;
  device: string;
  method: string;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

// Enough of the user agent to tell one browser from another.
function deviceLabel(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  return userAgent.length > 120 ? `${userAgent.slice(0, 117)}...` : userAgent;
}

/** A member's sessions that have not ended, newest activity first. */
export async function listOwnSessions(
  member: Member,
  currentId: string,
): Promise<SessionSummary[]> {
  const rows = await Session.findAll({
    where: {
      memberId: member.id,
      companyId: member.companyId,
      revokedAt: null,
      expiresAt: { [Op.gt]: new Date() },
    },
    order: [['lastSeenAt', 'DESC']],
    limit: 100,
  });
  return rows.map((row) => ({
    id: row.id,
    ip: row.ip,
    device: deviceLabel(row.userAgent),
    method: row.signInMethod,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    current: row.id === currentId,
  }));
}

/** A member ends one of their own sessions; other members' ids are 404. */
export async function endOwnSession(
  member: Member,
  sessionId: string,
  context: RequestContext,
): Promise<void> {
  await database().transaction(async (transaction) => {
    const row = await Session.findOne({
      where: { id: sessionId, memberId: member.id, revokedAt: null },
      transaction,
    });
    if (!row) throw new AppError('notFound');
    await revokeSession(row.id, 'ended by the member', transaction);
    await recordAudit(
      {
        companyId: member.companyId,
        actor: {
          id: member.id,
          name: member.name,
          organizationId: member.organizationId,
        },
        activityType: 'login',
        event: 'delete',
        informationType: 'authentication_token',
        target: { id: member.id, name: member.name },
        context,
        details: { change: 'session ended by the member' },
      },
      transaction,
    );
  });
}
