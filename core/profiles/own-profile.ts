import type { Member } from '../../db/index.js';
import { loadProfile } from './load-profile.js';
import { sectionValues, type ShownField } from './section-values.js';
import { profileSections, sectionDefinition } from './sections.js';

/** One section of a member's own profile. */
export interface OwnSection {
  key: string;
  label: string;
  fields: ShownField[];
}

/**
 * A member's own profile, every section. Looking at one's own data is not
 * an admin's access to someone else's, so nothing is recorded.
 */
export async function readOwnProfile(member: Member): Promise<OwnSection[]> {
  const { organizationName, profile } = await loadProfile(
    member.companyId,
    member.id,
  );
  return profileSections.map((key) => ({
    key,
    label: sectionDefinition(key).label,
    fields: sectionValues(key, member, organizationName, profile),
  }));
}
