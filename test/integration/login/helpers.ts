import { QueryTypes } from 'sequelize';
import { database, type Company } from '../../../db/index.js';

/** Stores login settings on a company (missing keys take defaults). */
export async function setLoginSettings(
  company: Company,
  settings: Record<string, unknown>,
): Promise<void> {
  await company.update({ loginSettings: settings });
}

/** The audit events about one member, oldest first. */
export async function auditEventsFor(memberId: string) {
  return database().query<{
    activity_type: string;
    event: string;
    information_type: string;
    outcome: string;
    details: Record<string, unknown>;
    actor_id: string | null;
  }>(
    `SELECT activity_type, event, information_type, outcome, details, actor_id
     FROM audit_events WHERE target_member_id = $1 ORDER BY chain_seq`,
    { bind: [memberId], type: QueryTypes.SELECT },
  );
}

/** The text of the page's alert paragraph, if any. */
export function alertText(body: string): string | undefined {
  return /<p class="alert" role="alert">([^<]*)<\/p>/.exec(body)?.[1];
}

/** A job stand-in for calling a handler directly. */
export function fakeJob<T>(data: T) {
  return { data, attemptsMade: 0, opts: { attempts: 1 } } as never;
}
