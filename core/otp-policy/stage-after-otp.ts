import type { Member, SessionStage } from '../../db/index.js';

/** What a member must still do once OTP is passed: change a password, or nothing. */
export function stageAfterOtp(member: Member): SessionStage {
  return member.mustChangePassword ? 'password_change' : 'active';
}
