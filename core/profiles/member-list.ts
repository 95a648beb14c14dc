import { Member, Organization } from '../../db/index.js';

/** A member as the profiles list shows them. */
export interface ListedMember {
  id: string;
  name: string;
  email: string;
  organization: string;
}

/**
 * The first `limit` members of a company by name, with their unit's name,
 * for the profiles list. `truncated` says whether more exist.
 */
export async function listMembers(
  companyId: string,
  limit: number,
): Promise<{ members: ListedMember[]; truncated: boolean }> {
  const [members, units] = await Promise.all([
    Member.findAll({
      where: { companyId },
      attributes: ['id', 'name', 'email', 'organizationId'],
      order: [
        ['name', 'ASC'],
        ['id', 'ASC'],
      ],
      limit: limit + 1,
    }),
    Organization.findAll({ where: { companyId }, attributes: ['id', 'name'] }),
  ]);
  const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
  return {
    truncated: members.length > limit,
    members: members.slice(0, limit).map((member) => ({
      id: member.id,
      name: member.name,
      email: member.email,
      organization: member.organizationId
        ? (unitNames.get(member.organizationId) ?? '')
        : '',
    })),
  };
}
