import type { AddressInfo } from 'node:net';
import { config } from '../core/config/index.js';
import { dummyVerify } from '../core/password/password-hash.js';
import { createApp } from './app.js';

/** A listening HTTP server and how to stop it gracefully. */
export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts the web application on the configured host and port (0 picks a
 * free one). close() stops taking connections and waits for open requests.
 */
export async function listen(
  port = config.port,
  host = config.host,
): Promise<RunningServer> {
  // The first dummy verify builds its hash; do it now, not in a request.
  await dummyVerify(config.bcryptCost);
  const app = createApp();
  const server = app.listen(port, host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`,
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
