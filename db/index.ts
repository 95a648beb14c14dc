import { Sequelize } from 'sequelize';
import { initModels } from './models/index.js';

export * from './models/index.js';
export { migrateToLatest } from './migrator.js';

let current: Sequelize | undefined;

/** Options for connecting; logging is off unless a function is given. */
export interface DatabaseOptions {
  /** Receives each SQL statement; default: none (statements can hold data). */
  logging?: (sql: string) => void;
  /** Pool size per process; default 10. */
  poolMax?: number;
}

/**
 * Opens the process-wide Sequelize instance and binds the models. Calling it
 * again with the same URL returns the open instance.
 */
export function initDatabase(
  url: string,
  options: DatabaseOptions = {},
): Sequelize {
  if (current) return current;
  current = new Sequelize(url, {
    dialect: 'postgres',
    logging: options.logging ?? false,
    pool: { max: options.poolMax ?? 10, min: 0, idle: 10_000 },
    define: { underscored: true },
  });
  initModels(current);
  return current;
}

/** The open Sequelize instance; throws if initDatabase has not run. */
export function database(): Sequelize {
  if (!current) throw new Error('initDatabase() has not been called');
  return current;
}

/** Closes the pool so the process can exit. */
export async function closeDatabase(): Promise<void> {
  await current?.close();
  current = undefined;
}
