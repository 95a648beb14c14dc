import type { MigrationContext } from '../migrator.js';

/**
 * Where each company's chain legitimately starts after retention dropped
 * old partitions: the last sequence and hash removed. The verifier starts
 * from this mark, so events missing above it are still caught.
 */
export async function up({ context: db }: MigrationContext): Promise<void> {
  await db.query(`
    CREATE TABLE audit_retention_marks (
      company_id uuid PRIMARY KEY,
      through_seq bigint NOT NULL,
      through_hash bytea NOT NULL,
      partition_name text NOT NULL,
      marked_at timestamptz NOT NULL DEFAULT now()
    );
  `);
}

/** Drops the marks. */
export async function down({ context: db }: MigrationContext): Promise<void> {
  await db.query('DROP TABLE audit_retention_marks;');
}
