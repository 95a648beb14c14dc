import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { createMigrator, migrateToLatest } from '../../../db/migrator.js';
import { database } from '../../../db/index.js';
import {
  createFreshDatabase,
  useDatabaseFor,
  type FreshDatabase,
} from '../seed/fresh-database.js';

async function tables(): Promise<string[]> {
  const rows = await database().query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public'
     AND tablename <> 'schema_migrations' ORDER BY tablename`,
    { type: QueryTypes.SELECT },
  );
  return rows.map((row) => row.tablename);
}

describe('migrations', function () {
  this.timeout(60_000);
  let fresh: FreshDatabase;
  let restore: () => Promise<void>;

  before(async () => {
    fresh = await createFreshDatabase('migrations');
    restore = await useDatabaseFor(fresh.url);
  });

  after(async () => {
    await restore?.();
    await fresh?.drop();
  });

  it('run up from nothing, all the way down, and up again to the same schema', async () => {
    const applied = await migrateToLatest(database(), fresh.url);
    expect(applied.length).to.be.greaterThan(5);
    const schema = await tables();
    expect(schema).to.include.members(['members', 'audit_events', 'sessions']);

    await createMigrator(database()).down({ to: 0 });
    expect(await tables()).to.deep.equal([]);

    await migrateToLatest(database(), fresh.url);
    expect(await tables()).to.deep.equal(schema);
  });
});
