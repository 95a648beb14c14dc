import type { MigrationContext } from '../migrator.js';

/** Companies, organizations, members, permissions, sessions, news, mail. */
export async function up({ context: db }: MigrationContext): Promise<void> {
  await db.query(`
    CREATE TABLE companies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      slug text NOT NULL UNIQUE,
      email_domain text,
      plan text NOT NULL CHECK (plan IN ('core_hr', 'professional', 'enterprise')),
      time_zone text NOT NULL DEFAULT 'UTC',
      login_settings jsonb NOT NULL DEFAULT '{}',
      otp_settings jsonb NOT NULL DEFAULT '{}',
      ip_settings jsonb NOT NULL DEFAULT '{}',
      settings_version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE organizations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      parent_id uuid REFERENCES organizations(id) ON DELETE RESTRICT,
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX organizations_company_parent ON organizations (company_id, parent_id);

    CREATE TABLE members (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      organization_id uuid REFERENCES organizations(id) ON DELETE SET NULL,
      name text NOT NULL,
      email text NOT NULL,
      role text NOT NULL DEFAULT 'member'
        CHECK (role IN ('super_admin', 'admin', 'member')),
      employment_status text NOT NULL DEFAULT 'active'
        CHECK (employment_status IN ('active', 'on_leave', 'terminated')),
      title text,
      password_hash text,
      password_changed_at timestamptz,
      must_change_password boolean NOT NULL DEFAULT false,
      temporary_password_expires_at timestamptz,
      failed_sign_in_count integer NOT NULL DEFAULT 0,
      locked_at timestamptz,
      otp_secret_encrypted text,
      otp_enrolled_at timestamptz,
      otp_failure_count integer NOT NULL DEFAULT 0,
      otp_failure_window_start timestamptz,
      otp_blocked_until timestamptz,
      otp_last_time_step bigint,
      google_subject text UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX members_email ON members (lower(email));
    CREATE INDEX members_company ON members (company_id, name);
    CREATE INDEX members_organization ON members (organization_id);

    CREATE TABLE admin_permissions (
      member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      permission text NOT NULL CHECK (permission IN
        ('otp_settings', 'allowed_ip_settings', 'login_settings', 'audit_log_view')),
      company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      granted_by uuid REFERENCES members(id) ON DELETE SET NULL,
      granted_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (member_id, permission)
    );

    CREATE TABLE sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      token_hash bytea NOT NULL UNIQUE,
      company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      stage text NOT NULL DEFAULT 'active'
        CHECK (stage IN ('active', 'otp_pending', 'otp_enrolment', 'password_change')),
      sign_in_method text NOT NULL DEFAULT 'password',
      ip text,
      device_id text,
      user_agent text,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      revoked_reason text
    );
    CREATE INDEX sessions_member ON sessions (member_id) WHERE revoked_at IS NULL;

    CREATE TABLE news (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      kind text NOT NULL,
      title text NOT NULL,
      body text NOT NULL DEFAULT '',
      link text,
      dedupe_key text UNIQUE,
      read_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX news_member ON news (member_id, created_at DESC);

    CREATE TABLE email_messages (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      company_id uuid REFERENCES companies(id) ON DELETE CASCADE,
      member_id uuid REFERENCES members(id) ON DELETE SET NULL,
      recipient text NOT NULL,
      template text NOT NULL,
      data jsonb NOT NULL DEFAULT '{}',
      dedupe_key text UNIQUE,
      status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'sent', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      last_error text,
      sent_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
  `);
}

/** Drops what up created, in reverse order. */
export async function down({ context: db }: MigrationContext): Promise<void> {
  await db.query(`
    DROP TABLE email_messages, news, sessions, admin_permissions, members,
      organizations, companies;
  `);
}
