import type { Member, MemberProfile } from '../../db/index.js';
import {
  sectionDefinition,
  type ProfileField,
  type ProfileSection,
} from './sections.js';

/** One field as a page or a download shows it. */
export interface ShownField {
  key: string;
  label: string;
  value: string;
  masked: boolean;
}

const statusLabels: Record<string, string> = {
  active: 'Active',
  on_leave: 'On leave',
  terminated: 'Terminated',
};

/** Hides all but the last four characters, keeping the length visible. */
export function maskValue(text: string): string {
  if (text === '') return '';
  const shown = text.length > 6 ? text.slice(-4) : '';
  return '*'.repeat(text.length - shown.length) + shown;
}

/** The stored value of a field as text ('' when empty), never masked. */
export function rawFieldValue(
  field: ProfileField,
  member: Pick<Member, 'title' | 'employmentStatus'>,
  organizationName: string | null,
  profile: MemberProfile | null,
): string {
  let value: unknown;
  if (field.key === 'organization') value = organizationName;
  else if (field.key === 'title') value = member.title;
  else if (field.key === 'employmentStatus') value = member.employmentStatus;
  else value = profile?.get(field.key);
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

function display(field: ProfileField, raw: string): string {
  if (field.masked) return maskValue(raw);
  if (field.kind === 'boolean' && raw) return raw === 'true' ? 'Yes' : 'No';
  if (field.key === 'employmentStatus') return statusLabels[raw] ?? raw;
  return raw;
}

/** A section's fields with display values; masked fields stay masked. */
export function sectionValues(
  section: ProfileSection,
  member: Pick<Member, 'title' | 'employmentStatus'>,
  organizationName: string | null,
  profile: MemberProfile | null,
): ShownField[] {
  return sectionDefinition(section).fields.map((field) => ({
    key: field.key,
    label: field.label,
    value: display(
      field,
      rawFieldValue(field, member, organizationName, profile),
    ),
    masked: Boolean(field.masked),
  }));
}
