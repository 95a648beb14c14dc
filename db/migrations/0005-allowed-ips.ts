import type { MigrationContext } from '../migrator.js';

/**
 * Allowed access IPs, the refusal counters that keep their audit trail
 * short, and work records (the feature that scope "work records only"
 * restricts). The IP switches live in companies.ip_settings, versioned by
 * companies.settings_version, both created by the foundation.
 */
export async function up({ context: db }: MigrationContext): Promise<void> {
  await db.query(`
    CREATE TABLE allowed_ips (
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

    CREATE TABLE ip_refusal_windows (
      company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      ip text NOT NULL,
      kind text NOT NULL,
      window_start timestamptz NOT NULL,
      refusals integer NOT NULL DEFAULT 1,
      PRIMARY KEY (member_id, ip, kind, window_start)
    );

    CREATE TABLE work_records (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      clock_in_at timestamptz NOT NULL,
      clock_out_at timestamptz,
      ip_in text,
      ip_out text,
      CHECK (clock_out_at IS NULL OR clock_out_at >= clock_in_at)
    );
    -- At most one open record per member, even under parallel clock-ins.
    CREATE UNIQUE INDEX work_records_open ON work_records (member_id)
      WHERE clock_out_at IS NULL;
    CREATE INDEX work_records_member_time
      ON work_records (member_id, clock_in_at);
    CREATE INDEX work_records_company_time
      ON work_records (company_id, clock_in_at);
  `);
}

/** Drops what up created. */
export async function down({ context: db }: MigrationContext): Promise<void> {
  await db.query('DROP TABLE work_records, ip_refusal_windows, allowed_ips;');
}
