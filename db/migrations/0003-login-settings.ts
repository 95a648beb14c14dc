import type { MigrationContext } from '../migrator.js';

/**
 * Login settings: when an automatic lock release is due, and the single-use
 * password reset links (stored as SHA-256 hashes, never the token).
 */
export async function up({ context: db }: MigrationContext): Promise<void> {
  await db.query(`
    ALTER TABLE members ADD COLUMN lock_expires_at timestamptz;

    CREATE TABLE password_reset_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      token_hash bytea NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX password_reset_tokens_member
      ON password_reset_tokens (member_id) WHERE used_at IS NULL;
  `);
}

/** Drops what up created. */
export async function down({ context: db }: MigrationContext): Promise<void> {
  await db.query(`
    DROP TABLE password_reset_tokens;
    ALTER TABLE members DROP COLUMN lock_expires_at;
  `);
}
