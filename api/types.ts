import type { Company, Member, Permission, Session } from '../db/index.js';
import type { RequestContext } from '../core/audit/record.js';

/** The signed-in member as every route sees them. */
export interface Auth {
  session: Session;
  member: Member;
  company: Company;
  permissions: Set<Permission>;
}

declare module 'express-serve-static-core' {
  interface Request {
    id: string;
    context: RequestContext;
    auth?: Auth;
    csrfBinding: string;
  }
}
