import fs from 'node:fs/promises';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import {
  profileAccessRule,
  sectionsVisibleTo,
} from '../../core/profiles/access.js';
import { downloadMemberSection } from '../../core/profiles/download-section.js';
import { editMemberSection } from '../../core/profiles/edit-section.js';
import { listMembers } from '../../core/profiles/member-list.js';
import { readOwnProfile } from '../../core/profiles/own-profile.js';
import { sectionInputSchema } from '../../core/profiles/section-input.js';
import {
  profileSections,
  sectionDefinition,
  type ProfileSection,
} from '../../core/profiles/sections.js';
import { viewMemberSection } from '../../core/profiles/view-section.js';
import { AppError } from '../../core/errors.js';
import { authOf, requireMember } from '../middleware/require.js';
import { fieldErrors, parseInput } from '../middleware/validate.js';

const sectionSchema = z.enum(profileSections);
const downloadSchema = z.object({
  section: sectionSchema,
  format: z.enum(['csv', 'xlsx']).default('csv'),
});
const listLimit = 500;

/** Member profiles: admins' section pages and downloads, and /me/profile. */
export const profilesRouter = Router();
profilesRouter.use(['/members', '/me/profile'], requireMember);

function viewerOf(req: Request) {
  const { member, permissions } = authOf(req);
  return { member, permissions };
}

function visibleOptions(req: Request, current?: ProfileSection) {
  const { member, permissions } = authOf(req);
  return sectionsVisibleTo(member, permissions).map((key) => ({
    key,
    label: sectionDefinition(key).label,
    current: key === current,
  }));
}

function sectionParam(req: Request): ProfileSection {
  const parsed = sectionSchema.safeParse(req.params.section);
  if (!parsed.success) throw new AppError('notFound');
  return parsed.data;
}

profilesRouter.get('/members/profiles', async (req, res) => {
  const sections = visibleOptions(req);
  if (sections.length === 0) throw new AppError('forbidden');
  const listed = await listMembers(authOf(req).company.id, listLimit);
  res.render('member-profiles', {
    title: 'Member profiles',
    rule: profileAccessRule,
    sections,
    ...listed,
  });
});

profilesRouter.get('/members/profiles/download', async (req, res, next) => {
  const { section, format } = parseInput(downloadSchema, req.query);
  const built = await downloadMemberSection(
    viewerOf(req),
    section,
    format,
    req.context,
  );
  // The export folder may sit under a dot folder (.data): allow it.
  res.download(
    built.filePath,
    built.fileName,
    { dotfiles: 'allow' },
    (error) => {
      void fs.rm(built.filePath, { force: true });
      if (error && !res.headersSent) next(error);
    },
  );
});

profilesRouter.get('/members/:id/profile', (req, res) => {
  const [first] = visibleOptions(req);
  if (!first) throw new AppError('forbidden');
  res.redirect(
    303,
    `/members/${encodeURIComponent(String(req.params.id))}/profile/${first.key}`,
  );
});

// Showing the section (also when re-showing a form with errors) is a view.
async function renderSection(
  req: Request,
  res: Response,
  extra: {
    errors?: Record<string, string>;
    entered?: Record<string, unknown>;
    saved?: boolean;
    unchanged?: boolean;
  } = {},
  status = 200,
) {
  const section = sectionParam(req);
  const view = await viewMemberSection(
    viewerOf(req),
    String(req.params.id),
    section,
    req.context,
  );
  const { entered, errors = {} } = extra;
  view.form = view.form.map((field) => ({
    ...field,
    value:
      !field.masked && typeof entered?.[field.key] === 'string'
        ? String(entered[field.key])
        : field.value,
    error: errors[field.key],
  }));
  res.status(status).render('member-profile', {
    title: `${view.target.name} · ${sectionDefinition(section).label}`,
    rule: profileAccessRule,
    section: sectionDefinition(section).label,
    sectionKey: section,
    sections: visibleOptions(req, section),
    ...view,
    ...extra,
  });
}

profilesRouter.get('/members/:id/profile/:section', async (req, res) => {
  await renderSection(req, res, {
    saved: req.query.saved === '1',
    unchanged: req.query.saved === '0',
  });
});

profilesRouter.post('/members/:id/profile/:section', async (req, res) => {
  const section = sectionParam(req);
  const { _csrf: _ignored, ...body } = req.body as Record<string, unknown>;
  const parsed = sectionInputSchema(section).safeParse(body);
  if (!parsed.success) {
    return renderSection(
      req,
      res,
      { errors: fieldErrors(parsed.error), entered: body },
      400,
    );
  }
  const id = String(req.params.id);
  const changed = await editMemberSection(
    viewerOf(req),
    id,
    section,
    parsed.data,
    req.context,
  );
  res.redirect(
    303,
    `/members/${encodeURIComponent(id)}/profile/${section}?saved=${changed.length ? 1 : 0}`,
  );
});

profilesRouter.get('/me/profile', async (req, res) => {
  res.render('my-profile', {
    title: 'My profile',
    sections: await readOwnProfile(authOf(req).member),
  });
});
