import { listen, type RunningServer } from '../../api/listen.js';
import { config } from '../../core/config/index.js';
import { useDatabase, useQueues } from './services.js';

let server: Promise<RunningServer> | undefined;

/**
 * The web application on the run's fixed port (so email links work), with
 * the database migrated and a queue backend open for enqueueing.
 */
export function useServer(): Promise<RunningServer> {
  server ??= (async () => {
    await useDatabase();
    await useQueues('postgres');
    return listen(config.port, '127.0.0.1');
  })();
  return server;
}
