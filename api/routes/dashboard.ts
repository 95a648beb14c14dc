import { Router } from 'express';
import { News } from '../../db/index.js';
import { requireMember, authOf } from '../middleware/require.js';
import { AppError } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';

/** The home page and the member's news. */
export const dashboardRouter = Router();

dashboardRouter.get('/', requireMember, (req, res) => {
  res.render('dashboard', { title: 'Dashboard' });
});

dashboardRouter.get('/news', requireMember, async (req, res) => {
  const { member } = authOf(req);
  const items = await News.findAll({
    where: { memberId: member.id, companyId: member.companyId },
    order: [['createdAt', 'DESC']],
    limit: 100,
  });
  res.render('news', {
    title: 'News',
    items: items.map((item) => item.get({ plain: true })),
  });
});

dashboardRouter.post('/news/:id/read', requireMember, async (req, res) => {
  const { member } = authOf(req);
  const id = String(req.params.id);
  if (!isUuid(id)) throw new AppError('notFound');
  const item = await News.findOne({
    where: { id, memberId: member.id, companyId: member.companyId },
  });
  if (!item) throw new AppError('notFound');
  await item.update({ readAt: item.readAt ?? new Date() });
  const link = item.link && item.link.startsWith('/') ? item.link : '/news';
  res.redirect(303, req.body?.follow ? link : '/news');
});
