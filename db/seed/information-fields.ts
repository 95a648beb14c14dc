import type { PersonalInformationType } from './types.js';

/**
 * Field names per profile section, as an edit event lists them. Names only:
 * audit details never carry the values.
 */
export const fieldsByInformationType: Record<
  PersonalInformationType,
  readonly string[]
> = {
  personal: ['address', 'mobile_phone', 'emergency_contact', 'birth_date'],
  income: ['base_salary', 'bank_account', 'meal_allowance', 'bonus'],
  hr: ['job_title', 'organization', 'grade', 'hire_date'],
  attendance: ['work_schedule', 'leave_balance', 'overtime_hours'],
  contract: ['contract_type', 'contract_end_date', 'weekly_hours'],
  social_insurance: [
    'national_pension',
    'health_insurance',
    'employment_insurance',
  ],
  year_end_tax: ['dependents', 'medical_expenses', 'donations'],
};

/** Sections an HR person opens for a colleague, by how often. */
export const hrAccessWeights: readonly (readonly [
  PersonalInformationType,
  number,
])[] = [
  ['personal', 3],
  ['hr', 2.5],
  ['attendance', 2],
  ['income', 1.5],
  ['contract', 1],
  ['social_insurance', 0.8],
  ['year_end_tax', 0.8],
];

/** Sections members open about themselves: payslips, leave, tax forms. */
export const selfAccessWeights: readonly (readonly [
  PersonalInformationType,
  number,
])[] = [
  ['attendance', 4],
  ['income', 3],
  ['personal', 3],
  ['year_end_tax', 1.5],
  ['hr', 0.5],
  ['contract', 0.5],
  ['social_insurance', 0.5],
];
