import { expect } from 'chai';
import { readLoginSettings } from '../../../core/auth/login-settings.js';
import { sessionEndReason } from '../../../core/auth/session-limits.js';
import { isLocked } from '../../../core/login/lockout.js';

const start = new Date('2026-05-01T09:00:00Z');
const after = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
const session = (lastSeenMinutes = 0) => ({
  createdAt: start,
  lastSeenAt: after(lastSeenMinutes),
});
const active = { employmentStatus: 'active' as const };

describe('sessionEndReason', () => {
  const settings = readLoginSettings({
    idleTimeoutMinutes: 30,
    absoluteLifetimeHours: 8,
  });

  it('lets a session go on within both limits', () => {
    expect(sessionEndReason(session(), active, settings, after(30))).to.equal(
      null,
    );
  });

  it('ends a session idle for longer than the timeout', () => {
    expect(
      sessionEndReason(session(), active, settings, after(30.01)),
    ).to.equal('idle timeout');
  });

  it('ends a busy session older than the absolute lifetime', () => {
    expect(
      sessionEndReason(session(8 * 60), active, settings, after(8 * 60 + 1)),
    ).to.equal('absolute lifetime');
  });

  it('ends the session of a member on leave unless the company allows it', () => {
    const onLeave = { employmentStatus: 'on_leave' as const };
    expect(sessionEndReason(session(), onLeave, settings, after(1))).to.equal(
      'on leave',
    );
    const allowing = readLoginSettings({ allowOnLeaveSignIn: true });
    expect(sessionEndReason(session(), onLeave, allowing, after(1))).to.equal(
      null,
    );
  });

  it('uses the defaults of 60 minutes idle and 24 hours for a company that set nothing', () => {
    const defaults = readLoginSettings({});
    expect(sessionEndReason(session(), active, defaults, after(60))).to.equal(
      null,
    );
    expect(sessionEndReason(session(), active, defaults, after(61))).to.equal(
      'idle timeout',
    );
  });
});

describe('isLocked', () => {
  it('is false without a lock, true for a lock without release time', () => {
    expect(isLocked({ lockedAt: null, lockExpiresAt: null }, start)).to.equal(
      false,
    );
    expect(
      isLocked({ lockedAt: start, lockExpiresAt: null }, after(10_000)),
    ).to.equal(true);
  });

  it('treats a lock as over once its release time has passed, job or no job', () => {
    const lock = { lockedAt: start, lockExpiresAt: after(10) };
    expect(isLocked(lock, after(9.99))).to.equal(true);
    expect(isLocked(lock, after(10))).to.equal(false);
  });
});

describe('login settings document', () => {
  it('has the documented defaults', () => {
    const defaults = readLoginSettings(undefined);
    expect(defaults).to.deep.include({
      idleTimeoutMinutes: 60,
      absoluteLifetimeHours: 24,
      allowOnLeaveSignIn: false,
      passwordExpiryDays: 0,
      lockoutThreshold: 5,
      lockoutReleaseMinutes: 0,
    });
    expect(defaults.passwordRules.minLength).to.equal(8);
  });
});
