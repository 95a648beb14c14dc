import type { RequestHandler } from 'express';
import { News } from '../../db/index.js';

/**
 * Puts what the layout needs on every signed-in page: the unread news count
 * for the bell and the permissions that decide the navigation. It runs for
 * every method, since a failed POST renders an error page with the layout.
 */
export const newsCount: RequestHandler = async (req, res, next) => {
  if (req.auth?.session.stage !== 'active') return next();
  res.locals.unreadNews = await News.count({
    where: { memberId: req.auth.member.id, readAt: null },
  });
  res.locals.can = Object.fromEntries(
    [...req.auth.permissions].map((p) => [p, true]),
  );
  res.locals.isSuperAdmin = req.auth.member.role === 'super_admin';
  next();
};
