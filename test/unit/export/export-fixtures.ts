// Factories and a scratch directory shared by the export suites.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { ExportColumn } from '../../../core/export/export-column.js';

export const auditColumns: ExportColumn[] = [
  { header: 'Time', key: 'occurredAt', width: 24 },
  { header: 'Actor', key: 'actor', width: 30 },
  { header: 'Event', key: 'event' },
  { header: 'Target', key: 'target' },
  { header: 'Attempts', key: 'attempts' },
  { header: 'Details', key: 'details' },
];

let sequence = 0;

/** An audit-like row whose actor and target are unique across the run. */
export function auditRow(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  sequence += 1;
  return {
    occurredAt: new Date(Date.UTC(2024, 4, 1, 9, 0, sequence)),
    actor: `member-${sequence}-${randomUUID().slice(0, 8)}@example.com`,
    event: 'personal_information.viewed',
    target: `member-${randomUUID()}`,
    attempts: sequence,
    details: { informationType: 'income', sequence },
    ...overrides,
  };
}

/** `count` fresh rows, yielded one at a time like a database cursor. */
export async function* auditRows(
  count: number,
): AsyncGenerator<Record<string, unknown>> {
  for (let index = 0; index < count; index += 1) yield auditRow();
}

/** A private directory for one suite's files, and its removal. */
export async function scratchDirectory(): Promise<{
  path: (name: string) => string;
  remove: () => Promise<void>;
}> {
  const directory = await mkdtemp(join(tmpdir(), 'gatehouse-export-'));
  return {
    path: (name) => join(directory, name),
    remove: () => rm(directory, { recursive: true, force: true }),
  };
}

/** SHA-256 of a file as written on disk, read independently of the writer. */
export async function sha256Of(filePath: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(filePath))
    .digest('hex');
}
