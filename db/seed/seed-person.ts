import type { EmploymentStatus, Permission, Role } from '../models/index.js';
import type { ClientProfile } from './client-profile.js';

/** A seeded member as the history generator sees them. */
export interface SeedPerson {
  id: string;
  name: string;
  email: string;
  title: string;
  organizationId: string;
  role: Role;
  status: EmploymentStatus;
  permissions: readonly Permission[];
  /** Works in HR, so opens colleagues' personal information. */
  handlesHr: boolean;
  client: ClientProfile;
}
