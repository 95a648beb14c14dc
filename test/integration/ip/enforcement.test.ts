import { expect } from 'chai';
import {
  createCompany,
  createMember,
  defaultPassword,
} from '../../support/factories.js';
import { useServer } from '../../support/server.js';
import { AddressClient } from './address-client.js';
import { auditEvents, setAllowlist } from './ip-fixtures.js';

const allowed = '127.0.0.1';
const refused = '127.0.0.2';

/** A company whose member is signed in, and clients from both addresses. */
async function signedInMember(role: 'member' | 'super_admin' = 'member') {
  const { url } = await useServer();
  const company = await createCompany();
  const admin = await createMember(company, { role: 'super_admin' });
  const member = role === 'super_admin' ? admin : await createMember(company);
  const inside = new AddressClient(url, allowed);
  expect((await inside.signIn(member.email, defaultPassword)).status).to.equal(
    303,
  );
  await inside.page('/');
  const outside = new AddressClient(url, refused);
  outside.adoptCookies(inside, ['gh_session', 'gh_device', 'gh_anon']);
  outside.lastBody = inside.lastBody;
  return { company, admin, member, inside, outside, url };
}

describe('allowed-IP enforcement', () => {
  describe('with scope "all functions"', () => {
    it('serves pages to an allowed IP and refuses another with the IP it saw', async () => {
      const { admin, inside, outside } = await signedInMember();
      await setAllowlist(admin, { scope: 'all' }, [
        `${allowed}/32`,
        '2001:db8::/32',
      ]);

      expect((await inside.page('/')).status).to.equal(200);
      const page = await outside.page('/');
      expect(page.status).to.equal(403);
      expect(page.body).to.contain(
        'Access from this IP address is not allowed',
      );
      expect(page.body).to.contain(refused);
    });

    it('answers the JSON API with a 403 naming the IP', async () => {
      const { admin, outside } = await signedInMember();
      await setAllowlist(admin, {}, [allowed]);
      const response = await outside.api('POST', '/api/work-records/clock-in');
      expect(response.status).to.equal(403);
      expect(response.json()).to.nested.include({
        'error.code': 'ipNotAllowed',
        'error.ip': refused,
      });
    });

    it('refuses sign-in from another IP with a clear message and allows it from a listed one', async () => {
      const { url } = await useServer();
      const company = await createCompany();
      const admin = await createMember(company, { role: 'super_admin' });
      const member = await createMember(company);
      await setAllowlist(admin, {}, ['127.0.0.0/31']);

      const outside = new AddressClient(url, '127.0.0.3');
      const refusedSignIn = await outside.signIn(member.email, defaultPassword);
      expect(refusedSignIn.status).to.equal(401);
      expect(refusedSignIn.body).to.contain(
        'Access from this IP address (127.0.0.3) is not allowed.',
      );
      expect(outside.cookie('gh_session')).to.equal(undefined);

      const inside = new AddressClient(url, '127.0.0.1');
      expect(
        (await inside.signIn(member.email, defaultPassword)).status,
      ).to.equal(303);

      const events = await auditEvents(company.id, 'authentication_token');
      const failure = events.find((event) => event.outcome === 'failure');
      expect(failure).to.include({
        activity_type: 'login',
        ip: '127.0.0.3',
        target_member_id: member.id,
      });
      expect(failure?.details).to.include({
        reason: 'ip not allowed',
        refused: 'sign_in',
      });
    });

    it('lets a refused member sign out', async () => {
      const { admin, outside } = await signedInMember();
      await setAllowlist(admin, {}, [allowed]);
      const response = await outside.post('/sign-out');
      expect(response.status).to.equal(303);
      expect(response.location).to.equal('/sign-in');
    });

    it('stops refusing once the list is switched off', async () => {
      const { admin, outside } = await signedInMember();
      await setAllowlist(admin, {}, [allowed]);
      expect((await outside.page('/')).status).to.equal(403);
      await setAllowlist(admin, { enabled: false }, [allowed]);
      expect((await outside.page('/')).status).to.equal(200);
    });
  });

  describe('with scope "work records only"', () => {
    it('serves every page from another IP but refuses clocking in there', async () => {
      const { admin, inside, outside } = await signedInMember();
      await setAllowlist(admin, { scope: 'work_records' }, [allowed]);

      expect((await outside.page('/')).status).to.equal(200);
      const refusedClock = await outside.api(
        'POST',
        '/api/work-records/clock-in',
      );
      expect(refusedClock.status).to.equal(403);
      expect(refusedClock.json()).to.nested.include({
        'error.code': 'ipNotAllowed',
      });

      const form = await outside.post('/work-records/clock-in');
      expect(form.status).to.equal(403);
      expect(form.body).to.contain(
        'Access from this IP address is not allowed',
      );

      expect(
        (await inside.api('POST', '/api/work-records/clock-in')).status,
      ).to.equal(201);
      expect(
        (await outside.api('POST', '/api/work-records/clock-out')).status,
      ).to.equal(403);
      expect(
        (await inside.api('POST', '/api/work-records/clock-out')).status,
      ).to.equal(200);
    });

    it('still lets the member sign in from another IP', async () => {
      const { url } = await useServer();
      const company = await createCompany();
      const admin = await createMember(company, { role: 'super_admin' });
      const member = await createMember(company);
      await setAllowlist(admin, { scope: 'work_records' }, [allowed]);
      const outside = new AddressClient(url, refused);
      expect(
        (await outside.signIn(member.email, defaultPassword)).status,
      ).to.equal(303);
    });

    it('audits a refused clock-in as an attendance event with the IP', async () => {
      const { company, admin, member, outside } = await signedInMember();
      await setAllowlist(admin, { scope: 'work_records' }, [allowed]);
      await outside.api('POST', '/api/work-records/clock-in');
      const [event] = await auditEvents(company.id, 'attendance');
      expect(event).to.include({
        outcome: 'failure',
        ip: refused,
        actor_id: member.id,
      });
      expect(event?.details).to.include({ refused: 'clock_in' });
    });
  });

  describe('for super admins', () => {
    it('exempts them while "Apply to super administrator" is off', async () => {
      const { admin, outside } = await signedInMember('super_admin');
      await setAllowlist(admin, { applyToSuperAdmin: false }, [allowed]);
      expect((await outside.page('/')).status).to.equal(200);
    });

    it('holds them to the list once it is on', async () => {
      const { admin, outside, inside } = await signedInMember('super_admin');
      await setAllowlist(admin, { applyToSuperAdmin: true }, [allowed]);
      expect((await outside.page('/')).status).to.equal(403);
      expect((await inside.page('/')).status).to.equal(200);
    });
  });

  describe('when one IP is refused again and again', () => {
    it('writes one audit event for the window instead of one per request', async () => {
      const { company, admin, member, outside } = await signedInMember();
      await setAllowlist(admin, {}, [allowed]);
      for (let i = 0; i < 5; i += 1)
        expect((await outside.page('/')).status).to.equal(403);

      const refusals = (
        await auditEvents(company.id, 'authentication_token')
      ).filter(
        (event) =>
          event.outcome === 'failure' && event.target_member_id === member.id,
      );
      expect(refusals).to.have.length(1);
      expect(refusals[0]).to.include({ ip: refused, event: 'view' });
      expect(refusals[0]?.details).to.include({
        refused: 'request',
        path: '/',
      });
    });
  });

  describe('with a forged X-Forwarded-For and no trusted proxy', () => {
    it('keeps the socket address as the client IP', async () => {
      const { admin, inside } = await signedInMember();
      await setAllowlist(admin, {}, [refused]);
      const page = await inside.page('/', { 'x-forwarded-for': refused });
      expect(page.status).to.equal(403);
      expect(page.body).to.contain(`<code id="seen-ip">${allowed}</code>`);
    });
  });
});
