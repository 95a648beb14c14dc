import type { Member, Permission } from '../../db/index.js';
import { AppError } from '../errors.js';
import { profileSections, type ProfileSection } from './sections.js';

/** What the access rule says, in words, for the pages that apply it. */
export const profileAccessRule =
  'Super administrators see and edit every profile section. Administrators ' +
  'holding any admin permission see and edit the Personal and HR sections. ' +
  'Other members see only their own profile.';

const adminSections: readonly ProfileSection[] = ['personal', 'hr'];

/**
 * The sections of other members' profiles this admin may open. Super admins
 * see all; an admin with at least one permission sees personal and HR
 * information (the parts day-to-day administration needs); nobody else sees
 * other members' profiles.
 */
export function sectionsVisibleTo(
  viewer: Member,
  permissions: ReadonlySet<Permission>,
): ProfileSection[] {
  if (viewer.role === 'super_admin') return [...profileSections];
  if (viewer.role === 'admin' && permissions.size > 0)
    return [...adminSections];
  return [];
}

/** Throws 403 unless the viewer may open the section of others' profiles. */
export function assertSectionVisible(
  viewer: Member,
  permissions: ReadonlySet<Permission>,
  section: ProfileSection,
): void {
  if (!sectionsVisibleTo(viewer, permissions).includes(section)) {
    throw new AppError('forbidden');
  }
}
