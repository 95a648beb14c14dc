// `npm run migrate` applies pending migrations; `npm run migrate -- --down`
// reverts the latest one. Start-up migrates too; this is for operators.
import { createMigrator } from '../db/migrator.js';
import { database } from '../db/index.js';
import { openDatabase } from '../core/runtime/database.js';

const handle = await openDatabase();
try {
  if (process.argv.includes('--down')) {
    const reverted = await createMigrator(database()).down();
    console.log(
      `reverted: ${reverted.map((m) => m.name).join(', ') || 'nothing'}`,
    );
  } else {
    console.log('database is migrated to the latest version');
  }
} finally {
  await handle.close();
}
