import type { MigrationContext } from '../migrator.js';

/**
 * Member profile sections whose access is audited by information type. One
 * row per member holds the personal, HR (hire date; the rest lives on
 * members), income, contract, social insurance, year-end tax and attendance
 * summary fields. Values are plain columns so a download can select them.
 */
export async function up({ context: db }: MigrationContext): Promise<void> {
  await db.query(`
    CREATE TABLE member_profiles (
      member_id uuid PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
      company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      phone text,
      personal_email text,
      address text,
      birth_date date,
      national_id text,
      hire_date date,
      base_salary numeric(14, 2),
      salary_currency text,
      bank_name text,
      bank_account text,
      contract_type text,
      contract_start date,
      contract_end date,
      weekly_hours numeric(4, 1),
      pension_number text,
      health_insurance_number text,
      employment_insurance boolean,
      tax_dependents integer,
      tax_filing_status text,
      tax_documents_submitted boolean,
      work_schedule text,
      annual_leave_days numeric(5, 1),
      leave_taken_days numeric(5, 1),
      overtime_hours_month numeric(6, 1),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX member_profiles_company ON member_profiles (company_id);
  `);
}

/** Drops the profile table. */
export async function down({ context: db }: MigrationContext): Promise<void> {
  await db.query('DROP TABLE member_profiles;');
}
