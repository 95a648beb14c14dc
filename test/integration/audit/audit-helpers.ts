import { QueryTypes } from 'sequelize';
import { database, type Member } from '../../../db/index.js';
import { defaultPassword } from '../../support/factories.js';
import { HttpClient } from '../../support/http-client.js';

/** An audit event as these tests read it back. */
export interface StoredEvent {
  chain_seq: string;
  activity_type: string;
  event: string;
  information_type: string;
  actor_id: string | null;
  target_member_id: string | null;
  outcome: string;
  ip: string | null;
  device_id: string | null;
  user_agent: string | null;
  details: Record<string, unknown>;
}

/** Every event of a company in chain order, optionally after a sequence. */
export async function eventsOf(
  companyId: string,
  afterSeq = 0,
): Promise<StoredEvent[]> {
  return database().query<StoredEvent>(
    `SELECT chain_seq, activity_type, event, information_type, actor_id,
       target_member_id, outcome, ip, device_id, user_agent, details
     FROM audit_events WHERE company_id = $1 AND chain_seq > $2
     ORDER BY chain_seq`,
    { bind: [companyId, afterSeq], type: QueryTypes.SELECT },
  );
}

/** The company's current last chain sequence (0 when it has no events). */
export async function lastSeq(companyId: string): Promise<number> {
  const [row] = await database().query<{ last_seq: string }>(
    'SELECT last_seq FROM audit_chain_heads WHERE company_id = $1',
    { bind: [companyId], type: QueryTypes.SELECT },
  );
  return Number(row?.last_seq ?? 0);
}

/** A browser stand-in signed in as the member, with a named user agent. */
export async function signedIn(
  baseUrl: string,
  member: Member,
  userAgent = 'audit-test/1.0',
): Promise<HttpClient> {
  const client = new HttpClient(baseUrl, { 'user-agent': userAgent });
  const response = await client.signIn(member.email, defaultPassword);
  if (response.status !== 303)
    throw new Error(`sign-in failed with ${response.status}`);
  await client.page('/');
  return client;
}
