import { Op } from 'sequelize';
import { Member, MemberProfile, Organization } from '../../db/index.js';
import { sectionValues } from './section-values.js';
import type { ProfileSection } from './sections.js';

/**
 * Every member of one company with one section's fields, by name, read in
 * keyset pages so a large company never sits in memory at once. Masked
 * fields stay masked, as on the page.
 */
export async function* memberSectionRows(
  companyId: string,
  section: ProfileSection,
  pageSize = 500,
): AsyncGenerator<Record<string, unknown>> {
  const organizations = await Organization.findAll({
    where: { companyId },
    attributes: ['id', 'name'],
  });
  const unitNames = new Map(organizations.map((unit) => [unit.id, unit.name]));
  let after: { name: string; id: string } | null = null;
  for (;;) {
    const keyset = after
      ? {
          [Op.or]: [
            { name: { [Op.gt]: after.name } },
            { name: after.name, id: { [Op.gt]: after.id } },
          ],
        }
      : {};
    const members: Member[] = await Member.findAll({
      where: { companyId, ...keyset },
      order: [
        ['name', 'ASC'],
        ['id', 'ASC'],
      ],
      limit: pageSize,
    });
    if (members.length === 0) return;
    const profiles = await MemberProfile.findAll({
      where: { companyId, memberId: members.map((member) => member.id) },
    });
    const byMember = new Map(
      profiles.map((profile) => [profile.memberId, profile]),
    );
    for (const member of members) {
      const unit = member.organizationId
        ? (unitNames.get(member.organizationId) ?? null)
        : null;
      const fields = sectionValues(
        section,
        member,
        unit,
        byMember.get(member.id) ?? null,
      );
      yield {
        name: member.name,
        email: member.email,
        ...Object.fromEntries(fields.map((field) => [field.key, field.value])),
      };
    }
    const last = members[members.length - 1] as Member;
    after = { name: last.name, id: last.id };
  }
}
