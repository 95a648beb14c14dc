import { expect } from 'chai';
import { Member, Session } from '../../../db/index.js';
import { findLiveSession } from '../../../core/auth/sessions.js';
import {
  createCompany,
  createMember,
  defaultPassword,
} from '../../support/factories.js';
import { HttpClient } from '../../support/http-client.js';
import { useServer } from '../../support/server.js';
import { auditEventsFor, setLoginSettings } from './helpers.js';

const minutes = (n: number) => n * 60_000;

describe('sessions', () => {
  let baseUrl: string;
  before(async () => {
    baseUrl = (await useServer()).url;
  });

  async function signedIn(email: string) {
    const client = new HttpClient(baseUrl);
    await client.signIn(email, defaultPassword);
    const token = client.cookie('gh_session') ?? '';
    return { client, token };
  }

  describe('idle timeout, on a controlled clock', () => {
    it('keeps a session used within the timeout and ends one idle longer', async () => {
      const company = await createCompany();
      await setLoginSettings(company, { idleTimeoutMinutes: 10 });
      const member = await createMember(company);
      const { token } = await signedIn(member.email);
      const start = Date.now();
      expect(
        await findLiveSession(token, new Date(start + minutes(9))),
      ).to.not.equal(null);
      expect(
        await findLiveSession(token, new Date(start + minutes(10) + 5_000)),
      ).to.equal(null);
      const [row] = await Session.findAll({ where: { memberId: member.id } });
      expect(row?.revokedReason).to.equal('idle timeout');
      expect(await findLiveSession(token, new Date(start))).to.equal(null);
    });

    it('is enforced on the server on every request', async () => {
      const company = await createCompany();
      await setLoginSettings(company, { idleTimeoutMinutes: 10 });
      const member = await createMember(company);
      const { client } = await signedIn(member.email);
      const page = await client.page('/');
      expect(page.status).to.equal(200);
      expect(await page.text()).to.match(/data-idle-timeout="(59\d|600)"/);
      await Session.update(
        { lastSeenAt: new Date(Date.now() - minutes(11)) },
        { where: { memberId: member.id } },
      );
      expect((await client.page('/')).status).to.equal(303);
    });
  });

  describe('absolute lifetime, on a controlled clock', () => {
    it('ends a busy session once it is older than the lifetime', async () => {
      const company = await createCompany();
      await setLoginSettings(company, { absoluteLifetimeHours: 2 });
      const member = await createMember(company);
      const { token } = await signedIn(member.email);
      const [row] = await Session.findAll({ where: { memberId: member.id } });
      const created = row!.createdAt.getTime();
      // Active a minute ago each time: only the lifetime can end it.
      await Session.update(
        { lastSeenAt: new Date(created + minutes(119)) },
        { where: { id: row!.id } },
      );
      expect(
        await findLiveSession(token, new Date(created + minutes(119) + 30_000)),
      ).to.not.equal(null);
      await Session.update(
        { lastSeenAt: new Date(created + minutes(120)) },
        { where: { id: row!.id } },
      );
      expect(
        await findLiveSession(token, new Date(created + minutes(121))),
      ).to.equal(null);
    });

    it('applies a shortened lifetime to sessions already open', async () => {
      const company = await createCompany();
      const member = await createMember(company);
      const { client } = await signedIn(member.email);
      await Session.update(
        { createdAt: new Date(Date.now() - minutes(3 * 60)) },
        { where: { memberId: member.id } },
      );
      expect((await client.page('/')).status).to.equal(200);
      await setLoginSettings(company, { absoluteLifetimeHours: 2 });
      expect((await client.page('/')).status).to.equal(303);
    });
  });

  describe('the member’s own sessions page', () => {
    it('lists live sessions and ends another one at once', async () => {
      const company = await createCompany();
      const member = await createMember(company);
      const other = await signedIn(member.email);
      const { client } = await signedIn(member.email);
      const page = await client.page('/account/sessions');
      const body = await page.text();
      expect(body).to.include('(this browser)');
      const otherRow = await Session.findOne({
        where: { memberId: member.id, revokedAt: null },
        order: [['createdAt', 'ASC']],
      });
      expect(body).to.include(`/account/sessions/${otherRow?.id}/end`);
      expect(
        (await client.post(`/account/sessions/${otherRow?.id}/end`)).status,
      ).to.equal(303);
      expect((await other.client.page('/')).status).to.equal(303);
      expect((await client.page('/')).status).to.equal(200);
    });

    it('answers 404 for someone else’s session', async () => {
      const company = await createCompany();
      const member = await createMember(company);
      const stranger = await createMember(company);
      await signedIn(stranger.email);
      const theirs = await Session.findOne({
        where: { memberId: stranger.id },
      });
      const { client } = await signedIn(member.email);
      await client.page('/account/sessions');
      expect(
        (await client.post(`/account/sessions/${theirs?.id}/end`)).status,
      ).to.equal(404);
      expect((await Session.findByPk(theirs?.id))?.revokedAt).to.equal(null);
    });
  });

  describe('an admin with Login settings on the member list', () => {
    it('ends all of a member’s sessions and unlocks a locked account, both audited', async () => {
      const company = await createCompany();
      const admin = await createMember(company, {
        permissions: ['login_settings'],
      });
      const member = await createMember(company);
      const first = await signedIn(member.email);
      const second = await signedIn(member.email);
      const { client } = await signedIn(admin.email);
      await client.page('/members');
      expect(
        (await client.post(`/members/${member.id}/sessions/end`)).status,
      ).to.equal(303);
      expect((await first.client.page('/')).status).to.equal(303);
      expect((await second.client.page('/')).status).to.equal(303);

      await Member.update(
        { lockedAt: new Date(), failedSignInCount: 5 },
        { where: { id: member.id } },
      );
      const list = await client.page('/members');
      expect(await list.text()).to.include(`/members/${member.id}/unlock`);
      expect(
        (await client.post(`/members/${member.id}/unlock`)).status,
      ).to.equal(303);
      expect((await Member.findByPk(member.id))?.lockedAt).to.equal(null);
      const changes = (await auditEventsFor(member.id)).map(
        (e) => e.details.change,
      );
      expect(changes).to.include.members([
        'sessions ended by an admin',
        'account unlocked',
      ]);
    });

    it('cannot act on another company’s member', async () => {
      const company = await createCompany();
      const admin = await createMember(company, {
        permissions: ['login_settings'],
      });
      const stranger = await createMember(await createCompany());
      const { client } = await signedIn(admin.email);
      await client.page('/members');
      expect(
        (await client.post(`/members/${stranger.id}/sessions/end`)).status,
      ).to.equal(404);
    });

    it('is refused to an admin without the permission', async () => {
      const company = await createCompany();
      const admin = await createMember(company, {
        permissions: ['audit_log_view'],
      });
      const member = await createMember(company);
      const { client } = await signedIn(admin.email);
      await client.page('/members');
      expect(
        (await client.post(`/members/${member.id}/sessions/end`)).status,
      ).to.equal(403);
    });
  });
});
