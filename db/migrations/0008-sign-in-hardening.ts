import type { MigrationContext } from '../migrator.js';

/**
 * sign_in_attempts: password checks in flight, so parallel guesses cannot
 * outrun the lockout (rows older than a minute are ignored, so a crash
 * cannot leave a slot taken). members.used_temporary_password_hash: the
 * temporary password a member signed in with, which the forced change may
 * not keep as the new password.
 */
export async function up({ context: db }: MigrationContext): Promise<void> {
  await db.query(`
    CREATE TABLE sign_in_attempts (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      started_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX sign_in_attempts_member ON sign_in_attempts (member_id, started_at);
    ALTER TABLE members ADD COLUMN used_temporary_password_hash text;
  `);
}

/** Drops what up created. */
export async function down({ context: db }: MigrationContext): Promise<void> {
  await db.query(`
    ALTER TABLE members DROP COLUMN used_temporary_password_hash;
    DROP TABLE sign_in_attempts;
  `);
}
