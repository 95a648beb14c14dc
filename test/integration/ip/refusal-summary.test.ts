import { expect } from 'chai';
import {
  recordIpRefusal,
  REFUSAL_WINDOW_MS,
} from '../../../core/ip-policy/record-refusal.js';
import { createCompany, createMember } from '../../support/factories.js';
import { useDatabase } from '../../support/services.js';
import { auditEvents } from './ip-fixtures.js';

describe('summarised IP refusals', () => {
  before(async () => {
    await useDatabase();
  });

  const context = (ip: string) => ({ ip, deviceId: null, userAgent: 'test' });

  it('writes one event per window and reports the unlisted refusals in the next', async () => {
    const company = await createCompany();
    const member = await createMember(company);
    const start = Math.ceil(Date.now() / REFUSAL_WINDOW_MS) * REFUSAL_WINDOW_MS;
    for (const offset of [0, 1000, 2000]) {
      await recordIpRefusal({
        member,
        kind: 'request',
        context: context('192.0.2.8'),
        now: new Date(start + offset),
      });
    }
    await recordIpRefusal({
      member,
      kind: 'request',
      context: context('192.0.2.8'),
      now: new Date(start + REFUSAL_WINDOW_MS + 5),
    });

    const events = await auditEvents(company.id, 'authentication_token');
    expect(events).to.have.length(2);
    expect(events[0]?.details).not.to.have.property('earlierRefusalsNotListed');
    expect(events[1]?.details).to.include({ earlierRefusalsNotListed: 2 });
  });

  it('keeps separate counts per IP and per kind of refusal', async () => {
    const company = await createCompany();
    const member = await createMember(company);
    const now = new Date();
    await recordIpRefusal({
      member,
      kind: 'request',
      context: context('192.0.2.8'),
      now,
    });
    await recordIpRefusal({
      member,
      kind: 'request',
      context: context('192.0.2.9'),
      now,
    });
    await recordIpRefusal({
      member,
      kind: 'sign_in',
      context: context('192.0.2.8'),
      now,
    });
    await recordIpRefusal({
      member,
      kind: 'clock_in',
      context: context('192.0.2.8'),
      now,
    });
    expect(
      await auditEvents(company.id, 'authentication_token'),
    ).to.have.length(3);
    expect(await auditEvents(company.id, 'attendance')).to.have.length(1);
  });
});
