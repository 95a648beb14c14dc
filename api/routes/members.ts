import fs from 'node:fs';
import path from 'node:path';
import { Router, type RequestHandler } from 'express';
import { fn, col, Op } from 'sequelize';
import { z } from 'zod';
import { Member, Session } from '../../db/index.js';
import { AppError } from '../../core/errors.js';
import { isLocked } from '../../core/login/lockout.js';
import {
  endMemberSessions,
  unlockMember,
} from '../../core/login/member-actions.js';
import { issueTemporaryPassword } from '../../core/login/temporary-password.js';
import {
  authOf,
  requireMember,
  requireSuperAdmin,
} from '../middleware/require.js';
import { parseInput } from '../middleware/validate.js';
import { isUuid } from '../../core/ids.js';

/**
 * Row actions on the member list come from partials named
 * views/partials/member-actions-<area>.hbs: each area adds its own file and
 * gets `member` (the row), `can`, `isSuperAdmin` and `csrfToken`.
 */
const actionPartials = fs
  .readdirSync(path.resolve('views/partials'))
  .filter((file) => /^member-actions-[a-z0-9-]+\.hbs$/.test(file))
  .map((file) => file.slice(0, -'.hbs'.length))
  .sort();

const listSchema = z.object({ q: z.string().trim().max(200).optional() });

const memberId = (raw: unknown) => {
  const id = String(raw);
  if (!isUuid(id)) throw new AppError('notFound');
  return id;
};

/** The member list that admins open to act on one member. */
export const membersRouter = Router();

// Guards each route of this file only: other areas serve pages under
// /members/ too and choose their own rules.
const requireAdmin: RequestHandler = (req, _res, next) => {
  if (authOf(req).member.role === 'member') {
    return next(new AppError('forbidden'));
  }
  next();
};
const admins = [requireMember, requireAdmin];

membersRouter.get('/members', ...admins, async (req, res) => {
  const { company } = authOf(req);
  const { q } = parseInput(listSchema, req.query);
  const search = q
    ? {
        [Op.or]: [
          { name: { [Op.iLike]: `%${q}%` } },
          { email: { [Op.iLike]: `%${q}%` } },
        ],
      }
    : {};
  const members = await Member.findAll({
    where: { companyId: company.id, ...search },
    order: [['name', 'ASC']],
    limit: 200,
  });
  const counts = (await Session.findAll({
    attributes: ['memberId', [fn('count', col('id')), 'count']],
    where: {
      companyId: company.id,
      revokedAt: null,
      expiresAt: { [Op.gt]: new Date() },
      memberId: { [Op.in]: members.map((member) => member.id) },
    },
    group: ['memberId'],
    raw: true,
  })) as unknown as { memberId: string; count: string }[];
  const sessions = new Map(
    counts.map((row) => [row.memberId, Number(row.count)]),
  );
  res.render('members', {
    title: 'Members',
    q,
    done: typeof req.query.done === 'string' ? req.query.done : undefined,
    actionPartials,
    members: members.map((member) => ({
      id: member.id,
      name: member.name,
      email: member.email,
      role: member.role,
      employmentStatus: member.employmentStatus,
      locked: isLocked(member),
      temporaryPassword: member.temporaryPasswordExpiresAt !== null,
      sessions: sessions.get(member.id) ?? 0,
    })),
  });
});

membersRouter.post('/members/:id/unlock', ...admins, async (req, res) => {
  await unlockMember(authOf(req).member, memberId(req.params.id), req.context);
  res.redirect(303, '/members?done=unlocked');
});

membersRouter.post('/members/:id/sessions/end', ...admins, async (req, res) => {
  await endMemberSessions(
    authOf(req).member,
    memberId(req.params.id),
    req.context,
  );
  res.redirect(303, '/members?done=sessions-ended');
});

membersRouter.post(
  '/members/:id/temporary-password',
  ...admins,
  requireSuperAdmin,
  async (req, res) => {
    const issued = await issueTemporaryPassword(
      authOf(req).member,
      memberId(req.params.id),
      req.context,
    );
    // Shown once: the answer must not be kept by the browser or a proxy.
    res.set('Cache-Control', 'no-store');
    res.render('temporary-password', {
      title: 'Temporary password',
      password: issued.password,
      expiresAt: issued.expiresAt,
      target: issued.member,
    });
  },
);
