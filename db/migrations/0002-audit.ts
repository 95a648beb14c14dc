import type { MigrationContext } from '../migrator.js';

/**
 * The append-only audit log: monthly range partitions so retention drops
 * whole partitions, a per-company hash chain whose head row is locked by each
 * writer, and triggers that refuse UPDATE, DELETE and TRUNCATE.
 */
export async function up({ context: db }: MigrationContext): Promise<void> {
  await db.query(`
    CREATE TABLE audit_events (
      id bigint GENERATED ALWAYS AS IDENTITY,
      company_id uuid NOT NULL,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid,
      actor_name text,
      actor_organization_id uuid,
      activity_type text NOT NULL,
      event text NOT NULL,
      information_type text NOT NULL,
      target_member_id uuid,
      target_name text,
      outcome text NOT NULL DEFAULT 'success',
      ip text,
      device_id text,
      user_agent text,
      details jsonb NOT NULL DEFAULT '{}',
      chain_seq bigint NOT NULL,
      prev_hash bytea NOT NULL,
      hash bytea NOT NULL,
      PRIMARY KEY (id, occurred_at)
    ) PARTITION BY RANGE (occurred_at);

    CREATE INDEX audit_events_company_time
      ON audit_events (company_id, occurred_at DESC, id DESC);
    CREATE INDEX audit_events_company_actor
      ON audit_events (company_id, actor_id, occurred_at DESC);
    CREATE INDEX audit_events_company_chain
      ON audit_events (company_id, chain_seq);

    CREATE TABLE audit_events_default PARTITION OF audit_events DEFAULT;

    CREATE TABLE audit_chain_heads (
      company_id uuid PRIMARY KEY,
      last_seq bigint NOT NULL DEFAULT 0,
      last_hash bytea NOT NULL
    );

    CREATE FUNCTION audit_events_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END $$;

    CREATE TRIGGER audit_events_no_update_delete
      BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
    CREATE TRIGGER audit_events_no_truncate
      BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();

    -- Creates the partition for the month that holds 'day', if missing.
    CREATE FUNCTION audit_ensure_partition(day date) RETURNS text
    LANGUAGE plpgsql AS $$
    DECLARE
      first date := date_trunc('month', day)::date;
      name text := format('audit_events_y%sm%s',
        to_char(first, 'YYYY'), to_char(first, 'MM'));
    BEGIN
      IF to_regclass(name) IS NULL THEN
        EXECUTE format(
          'CREATE TABLE %I PARTITION OF audit_events FOR VALUES FROM (%L) TO (%L)',
          name, first, (first + interval '1 month')::date);
      END IF;
      RETURN name;
    END $$;

    SELECT audit_ensure_partition((now() + make_interval(months => m))::date)
    FROM generate_series(-14, 3) AS m;

    CREATE TABLE audit_exports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      requested_by uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
      filters jsonb NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'running', 'ready', 'failed', 'expired')),
      row_count integer,
      file_path text,
      file_bytes bigint,
      sha256 text,
      error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz,
      expires_at timestamptz
    );
    CREATE INDEX audit_exports_company ON audit_exports (company_id, created_at DESC);
  `);
}

/** Drops the audit tables and functions. */
export async function down({ context: db }: MigrationContext): Promise<void> {
  await db.query(`
    DROP TABLE audit_exports;
    DROP TABLE audit_events;
    DROP TABLE audit_chain_heads;
    DROP FUNCTION audit_ensure_partition(date);
    DROP FUNCTION audit_events_refuse_change();
  `);
}
