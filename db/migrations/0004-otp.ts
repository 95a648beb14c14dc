import type { MigrationContext } from '../migrator.js';

/**
 * OTP-excluded IPs, hashed single-use recovery codes, and the times of a
 * member's recent OTP failures for the rolling 24-hour window.
 */
export async function up({ context: db }: MigrationContext): Promise<void> {
  await db.query(`
    CREATE TABLE otp_excluded_ips (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      entry text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('address', 'cidr')),
      family smallint NOT NULL CHECK (family IN (4, 6)),
      label text,
      position integer NOT NULL DEFAULT 0,
      created_by uuid REFERENCES members(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (company_id, entry)
    );

    CREATE TABLE otp_recovery_codes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      code_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX otp_recovery_codes_member ON otp_recovery_codes (member_id);

    ALTER TABLE members
      ADD COLUMN otp_failure_times timestamptz[] NOT NULL DEFAULT '{}';
  `);
}

/** Drops what up created. */
export async function down({ context: db }: MigrationContext): Promise<void> {
  await db.query(`
    ALTER TABLE members DROP COLUMN otp_failure_times;
    DROP TABLE otp_recovery_codes, otp_excluded_ips;
  `);
}
