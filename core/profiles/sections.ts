import type { InferAttributes } from 'sequelize';
import type { MemberProfile } from '../../db/index.js';
import type { InformationType } from '../audit/catalogue.js';

/** The profile sections, each audited as the information type it names. */
export const profileSections = [
  'personal',
  'hr',
  'income',
  'contract',
  'social_insurance',
  'year_end_tax',
  'attendance',
] as const satisfies readonly InformationType[];

export type ProfileSection = (typeof profileSections)[number];

/** How a field's value is typed in and stored. */
export type FieldKind = 'text' | 'date' | 'decimal' | 'integer' | 'boolean';

/** Profile columns a section field may name. */
export type ProfileKey = Exclude<
  keyof InferAttributes<MemberProfile>,
  'memberId' | 'companyId' | 'createdAt' | 'updatedAt'
>;

/** One field of a section: where it lives and how it is shown. */
export interface ProfileField {
  key: ProfileKey | 'organization' | 'title' | 'employmentStatus';
  label: string;
  kind: FieldKind;
  /** 'member' fields are read from the members row (HR); default profile. */
  source?: 'member';
  /** Shown with all but the last characters hidden; edits never prefill. */
  masked?: boolean;
  /** Changed through other pages (organization chart, offboarding). */
  readOnly?: boolean;
}

/** A section: its label and fields, in the order pages and files list them. */
export interface SectionDefinition {
  key: ProfileSection;
  label: string;
  fields: readonly ProfileField[];
}

const definitions: Record<ProfileSection, Omit<SectionDefinition, 'key'>> = {
  personal: {
    label: 'Personal',
    fields: [
      { key: 'phone', label: 'Phone', kind: 'text' },
      { key: 'personalEmail', label: 'Personal email', kind: 'text' },
      { key: 'address', label: 'Address', kind: 'text' },
      { key: 'birthDate', label: 'Birth date', kind: 'date' },
      { key: 'nationalId', label: 'National ID', kind: 'text', masked: true },
    ],
  },
  hr: {
    label: 'HR',
    fields: [
      {
        key: 'organization',
        label: 'Organization',
        kind: 'text',
        source: 'member',
        readOnly: true,
      },
      { key: 'title', label: 'Title', kind: 'text', source: 'member' },
      { key: 'hireDate', label: 'Hire date', kind: 'date' },
      {
        key: 'employmentStatus',
        label: 'Employment status',
        kind: 'text',
        source: 'member',
        readOnly: true,
      },
    ],
  },
  income: {
    label: 'Income',
    fields: [
      { key: 'baseSalary', label: 'Base salary (yearly)', kind: 'decimal' },
      { key: 'salaryCurrency', label: 'Currency', kind: 'text' },
      { key: 'bankName', label: 'Bank', kind: 'text' },
      { key: 'bankAccount', label: 'Bank account', kind: 'text', masked: true },
    ],
  },
  contract: {
    label: 'Contract',
    fields: [
      { key: 'contractType', label: 'Contract type', kind: 'text' },
      { key: 'contractStart', label: 'Start date', kind: 'date' },
      { key: 'contractEnd', label: 'End date', kind: 'date' },
      { key: 'weeklyHours', label: 'Weekly hours', kind: 'decimal' },
    ],
  },
  social_insurance: {
    label: 'Social insurance',
    fields: [
      {
        key: 'pensionNumber',
        label: 'Pension number',
        kind: 'text',
        masked: true,
      },
      {
        key: 'healthInsuranceNumber',
        label: 'Health insurance number',
        kind: 'text',
        masked: true,
      },
      {
        key: 'employmentInsurance',
        label: 'Employment insurance',
        kind: 'boolean',
      },
    ],
  },
  year_end_tax: {
    label: 'Year-end tax',
    fields: [
      { key: 'taxDependents', label: 'Dependents', kind: 'integer' },
      { key: 'taxFilingStatus', label: 'Filing status', kind: 'text' },
      {
        key: 'taxDocumentsSubmitted',
        label: 'Documents submitted',
        kind: 'boolean',
      },
    ],
  },
  attendance: {
    label: 'Attendance',
    fields: [
      { key: 'workSchedule', label: 'Work schedule', kind: 'text' },
      { key: 'annualLeaveDays', label: 'Annual leave (days)', kind: 'decimal' },
      { key: 'leaveTakenDays', label: 'Leave taken (days)', kind: 'decimal' },
      {
        key: 'overtimeHoursMonth',
        label: 'Overtime this month (hours)',
        kind: 'decimal',
      },
    ],
  },
};

/** The definition of one section. */
export function sectionDefinition(key: ProfileSection): SectionDefinition {
  return { key, ...definitions[key] };
}

/** True when the text names a profile section. */
export function isProfileSection(text: unknown): text is ProfileSection {
  return profileSections.includes(text as ProfileSection);
}

/** Fields an edit form offers: everything not read-only. */
export function editableFields(key: ProfileSection): ProfileField[] {
  return definitions[key].fields.filter((field) => !field.readOnly);
}
