import { Op, type Transaction } from 'sequelize';
import { Company, Member, Session, type SessionStage } from '../../db/index.js';
import type { RequestContext } from '../audit/record.js';
import { readLoginSettings } from './login-settings.js';
import { sessionEndReason } from './session-limits.js';
import { hashToken, newToken } from './tokens.js';

/** A session found by its cookie, with its member and company. */
export interface LiveSession {
  session: Session;
  member: Member;
  company: Company;
}

/** Starts a server-side session; the caller sets the token as a cookie. */
export async function createSession(
  input: {
    member: Member;
    stage: SessionStage;
    method: string;
    context: RequestContext;
    lifetimeHours: number;
    now?: Date;
  },
  transaction?: Transaction,
): Promise<{ token: string; session: Session }> {
  const token = newToken();
  const now = input.now ?? new Date();
  const session = await Session.create(
    {
      tokenHash: hashToken(token),
      companyId: input.member.companyId,
      memberId: input.member.id,
      stage: input.stage,
      signInMethod: input.method,
      ip: input.context.ip,
      deviceId: input.context.deviceId,
      userAgent: input.context.userAgent?.slice(0, 512) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + input.lifetimeHours * 3600_000),
    },
    { transaction },
  );
  return { token, session };
}

/**
 * Finds the live session behind a cookie token. Idle and absolute limits are
 * checked here, on every request, so no timer has to end a session.
 */
export async function findLiveSession(
  token: string,
  now = new Date(),
): Promise<LiveSession | null> {
  const session = await Session.findOne({
    where: { tokenHash: hashToken(token), revokedAt: null },
  });
  if (!session || session.expiresAt <= now) return null;
  const [member, company] = await Promise.all([
    Member.findByPk(session.memberId),
    Company.findByPk(session.companyId),
  ]);
  if (!member || !company) return null;
  const settings = readLoginSettings(company.loginSettings);
  const endReason = sessionEndReason(session, member, settings, now);
  if (endReason) {
    await revokeSession(session.id, endReason);
    return null;
  }
  return { session, member, company };
}

/** Records activity; written at most once a minute to spare the database. */
export async function touchSession(
  session: Session,
  now = new Date(),
): Promise<void> {
  if (now.getTime() - session.lastSeenAt.getTime() < 60_000) return;
  await Session.update({ lastSeenAt: now }, { where: { id: session.id } });
}

/** Ends one session at once; every server sees it on the next request. */
export async function revokeSession(
  id: string,
  reason: string,
  transaction?: Transaction,
): Promise<void> {
  await Session.update(
    { revokedAt: new Date(), revokedReason: reason },
    { where: { id, revokedAt: null }, transaction },
  );
}

/** Ends all of a member's sessions, optionally keeping one. */
export async function revokeMemberSessions(
  memberId: string,
  reason: string,
  transaction?: Transaction,
  exceptId?: string,
): Promise<number> {
  const [count] = await Session.update(
    { revokedAt: new Date(), revokedReason: reason },
    {
      where: {
        memberId,
        revokedAt: null,
        ...(exceptId ? { id: { [Op.ne]: exceptId } } : {}),
      },
      transaction,
    },
  );
  return count;
}

/**
 * Replaces a session with a new id and token at a privilege change (sign-in
 * steps), so a token seen before the change is worthless after it.
 */
export async function rotateSession(
  live: LiveSession,
  stage: SessionStage,
  context: RequestContext,
  transaction?: Transaction,
): Promise<{ token: string; session: Session }> {
  await revokeSession(live.session.id, 'rotated', transaction);
  const remainingHours =
    (live.session.expiresAt.getTime() - Date.now()) / 3600_000;
  return createSession(
    {
      member: live.member,
      stage,
      method: live.session.signInMethod,
      context,
      lifetimeHours: Math.max(remainingHours, 0.01),
    },
    transaction,
  );
}
