import type { Member, Permission } from '../../db/index.js';
import { recordAudit, type RequestContext } from '../audit/record.js';
import { assertSectionVisible } from './access.js';
import { loadProfile } from './load-profile.js';
import {
  rawFieldValue,
  sectionValues,
  type ShownField,
} from './section-values.js';
import { editableFields, type ProfileSection } from './sections.js';

/** Who is looking: the signed-in admin and their permissions. */
export interface ProfileViewer {
  member: Member;
  permissions: ReadonlySet<Permission>;
}

/** A section as the admin's page shows it, with its edit form's values. */
export interface SectionView {
  target: { id: string; name: string; email: string };
  fields: ShownField[];
  /** Current values for the edit form; masked fields are never prefilled. */
  form: {
    key: string;
    label: string;
    kind: string;
    value: string;
    masked: boolean;
    error?: string;
  }[];
}

/** The actor of an audit event, as the viewer is now. */
export function actorOf(member: Member) {
  return {
    id: member.id,
    name: member.name,
    organizationId: member.organizationId,
  };
}

/**
 * Opens one section of another member's profile and records the view as
 * personal information access of that information type about that member.
 * Sections the rule hides answer 403; other companies' members 404.
 */
export async function viewMemberSection(
  viewer: ProfileViewer,
  targetId: string,
  section: ProfileSection,
  context: RequestContext,
): Promise<SectionView> {
  assertSectionVisible(viewer.member, viewer.permissions, section);
  const loaded = await loadProfile(viewer.member.companyId, targetId);
  const { member, organizationName, profile } = loaded;
  await recordAudit({
    companyId: viewer.member.companyId,
    actor: actorOf(viewer.member),
    activityType: 'personal_information_access',
    event: 'view',
    informationType: section,
    target: { id: member.id, name: member.name },
    context,
  });
  return {
    target: { id: member.id, name: member.name, email: member.email },
    fields: sectionValues(section, member, organizationName, profile),
    form: editableFields(section).map((field) => ({
      key: field.key,
      label: field.label,
      kind: field.kind,
      value: field.masked
        ? ''
        : rawFieldValue(field, member, organizationName, profile),
      masked: Boolean(field.masked),
    })),
  };
}
