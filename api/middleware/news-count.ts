import type { RequestHandler } from 'express';
import { News } from '../../db/index.js';

/** Puts the unread news count on every signed-in page, for the bell. */
export const newsCount: RequestHandler = async (req, res, next) => {
  if (req.auth?.session.stage !== 'active' || req.method !== 'GET') return next();
  res.locals.unreadNews = await News.count({ where: { memberId: req.auth.member.id, readAt: null } });
  res.locals.can = Object.fromEntries([...req.auth.permissions].map((p) => [p, true]));
  res.locals.isSuperAdmin = req.auth.member.role === 'super_admin';
  next();
};
