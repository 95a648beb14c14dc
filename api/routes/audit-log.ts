import fs from 'node:fs';
import { Router } from 'express';
import { AuditExport, Member, Organization } from '../../db/index.js';
import {
  activityTypes,
  auditEvents,
  informationTypes,
} from '../../core/audit/catalogue.js';
import { authorizeExportDownload } from '../../core/audit/download-export.js';
import { auditFiltersSchema } from '../../core/audit/filters.js';
import {
  decodeCursor,
  encodeCursor,
  readAuditPage,
} from '../../core/audit/query.js';
import { requestAuditExport } from '../../core/audit/request-export.js';
import { auditScopeFor, windowDaysFor } from '../../core/audit/scope.js';
import { AppError } from '../../core/errors.js';
import { presentAuditRow } from '../presenters/audit-row.js';
import {
  authOf,
  requireMember,
  requirePermission,
} from '../middleware/require.js';
import { fieldErrors, parseInput } from '../middleware/validate.js';
import { isUuid } from '../../core/ids.js';

const pageSize = 50;

/** The audit viewer, export requests and export downloads. */
export const auditLogRouter = Router();
auditLogRouter.use(
  '/audit-log',
  requireMember,
  requirePermission('audit_log_view'),
);

const options = (labels: Record<string, string>, chosen: string[]) =>
  Object.entries(labels).map(([value, label]) => ({
    value,
    label,
    selected: chosen.includes(value),
  }));

auditLogRouter.get('/audit-log', async (req, res) => {
  const { company } = authOf(req);
  const { cursor, ...query } = req.query;
  const parsed = auditFiltersSchema.safeParse(query);
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  const filters = parsed.success ? parsed.data : auditFiltersSchema.parse({});
  const page = parsed.success
    ? await readAuditPage(
        auditScopeFor(company),
        filters,
        decodeCursor(cursor),
        pageSize,
      )
    : { rows: [], next: null };
  const [members, organizations, exports] = await Promise.all([
    Member.findAll({
      where: { companyId: company.id },
      attributes: ['id', 'name', 'email'],
      order: [['name', 'ASC']],
      limit: 2000,
    }),
    Organization.findAll({
      where: { companyId: company.id },
      attributes: ['id', 'name'],
      order: [['name', 'ASC']],
    }),
    AuditExport.findAll({
      where: { companyId: company.id, requestedBy: authOf(req).member.id },
      order: [['createdAt', 'DESC']],
      limit: 5,
    }),
  ]);
  const search = new URLSearchParams(query as Record<string, string>);
  if (page.next) search.set('cursor', encodeCursor(page.next));
  res.status(parsed.success ? 200 : 400).render('audit-log', {
    title: 'Audit log',
    errors,
    filters,
    windowDays: windowDaysFor(company),
    timeZone: company.timeZone,
    rows: page.rows.map(presentAuditRow),
    nextUrl: page.next ? `/audit-log?${search.toString()}` : null,
    activityOptions: options(activityTypes, filters.activityType),
    eventOptions: options(auditEvents, filters.event),
    informationOptions: options(informationTypes, filters.informationType),
    memberOptions: members.map((m) => ({
      value: m.id,
      label: `${m.name} (${m.email})`,
      selected: filters.member.includes(m.id),
    })),
    organizationOptions: organizations.map((o) => ({
      value: o.id,
      label: o.name,
      selected: filters.organization.includes(o.id),
    })),
    exports: exports.map((row) => row.get({ plain: true })),
    queryString: new URLSearchParams(
      query as Record<string, string>,
    ).toString(),
  });
});

auditLogRouter.post('/audit-log/exports', async (req, res) => {
  const { member, company } = authOf(req);
  const { _csrf: _ignored, ...body } = req.body as Record<string, unknown>;
  const filters = parseInput(auditFiltersSchema, body);
  const created = await requestAuditExport(member, company, filters);
  if (req.accepts(['html', 'json']) === 'json') {
    return res.status(202).json({ id: created.id, status: created.status });
  }
  res.redirect(303, `/audit-log/exports/${created.id}`);
});

auditLogRouter.get('/audit-log/exports/:id', async (req, res) => {
  const { member } = authOf(req);
  const id = String(req.params.id);
  if (!isUuid(id)) throw new AppError('notFound');
  const found = await AuditExport.findOne({
    where: { id, companyId: member.companyId, requestedBy: member.id },
  });
  if (!found) throw new AppError('notFound');
  // The expiry job runs hourly; past its time an export is expired already.
  const status =
    found.status === 'ready' && found.expiresAt && found.expiresAt <= new Date()
      ? 'expired'
      : found.status;
  if (req.accepts(['html', 'json']) === 'json') {
    return res.json({
      id: found.id,
      status,
      rowCount: found.rowCount,
      sha256: found.sha256,
    });
  }
  res.render('audit-export', {
    title: 'Audit log export',
    item: { ...found.get({ plain: true }), status },
  });
});

auditLogRouter.get('/audit-log/exports/:id/download', async (req, res) => {
  const id = String(req.params.id);
  if (!isUuid(id)) throw new AppError('notFound');
  const found = await authorizeExportDownload(
    authOf(req).member,
    id,
    req.context,
    req.method === 'GET',
  );
  const filePath = found.filePath ?? '';
  if (!fs.existsSync(filePath))
    throw new AppError('gone', 'This export file is no longer available.');
  // The data folder is .data/, which send() would refuse as a dotfile.
  res.download(
    filePath,
    `audit-log-${found.createdAt.toISOString().slice(0, 10)}.xlsx`,
    {
      dotfiles: 'allow',
      cacheControl: false,
      headers: { 'Cache-Control': 'no-store' },
    },
  );
});
