import { database, MemberProfile } from '../../db/index.js';
import { recordAudit, type RequestContext } from '../audit/record.js';
import { assertSectionVisible } from './access.js';
import { loadProfile } from './load-profile.js';
import type { SectionInput } from './section-input.js';
import { rawFieldValue } from './section-values.js';
import { editableFields, type ProfileSection } from './sections.js';
import { actorOf, type ProfileViewer } from './view-section.js';

function same(kind: string, current: string, next: string): boolean {
  if (kind === 'decimal' && current !== '' && next !== '') {
    return Number(current) === Number(next);
  }
  return current === next;
}

/**
 * Saves an edit of one section and records which fields changed, never
 * their values, in the same transaction. An edit that changes nothing
 * writes nothing. Returns the changed field keys.
 */
export async function editMemberSection(
  viewer: ProfileViewer,
  targetId: string,
  section: ProfileSection,
  input: SectionInput,
  context: RequestContext,
): Promise<string[]> {
  assertSectionVisible(viewer.member, viewer.permissions, section);
  const companyId = viewer.member.companyId;
  return database().transaction(async (transaction) => {
    const loaded = await loadProfile(companyId, targetId, transaction);
    const { member, organizationName } = loaded;
    const profile =
      loaded.profile ?? MemberProfile.build({ memberId: member.id, companyId });

    const changed: string[] = [];
    for (const field of editableFields(section)) {
      const next = input[field.key];
      if (next === undefined) continue;
      const current = rawFieldValue(field, member, organizationName, profile);
      if (same(field.kind, current, next === null ? '' : String(next)))
        continue;
      changed.push(field.key);
      if (field.source === 'member')
        member.set(field.key as 'title', next as string | null);
      else profile.set(field.key as 'phone', next as never);
    }
    if (changed.length === 0) return changed;

    if (member.changed()) await member.save({ transaction });
    if (profile.changed() || profile.isNewRecord)
      await profile.save({ transaction });
    await recordAudit(
      {
        companyId,
        actor: actorOf(viewer.member),
        activityType: 'personal_information_access',
        event: 'edit',
        informationType: section,
        target: { id: member.id, name: member.name },
        context,
        details: { fields: changed },
      },
      transaction,
    );
    return changed;
  });
}
