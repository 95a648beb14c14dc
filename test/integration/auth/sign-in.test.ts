import { expect } from 'chai';
import { Session } from '../../../db/index.js';
import { database } from '../../../db/index.js';
import {
  createCompany,
  createMember,
  defaultPassword,
} from '../../support/factories.js';
import { HttpClient } from '../../support/http-client.js';
import { useServer } from '../../support/server.js';
import { useDatabase } from '../../support/services.js';
import { startWebProcess } from '../../support/web-process.js';
import { hashPassword } from '../../../core/password/password-hash.js';

async function latestLoginEvent(memberId: string) {
  const [row] = await database().query<{
    outcome: string;
    ip: string;
    device_id: string;
    user_agent: string;
    information_type: string;
  }>(
    `SELECT outcome, ip, device_id, user_agent, information_type FROM audit_events
     WHERE target_member_id = $1 AND activity_type = 'login' ORDER BY chain_seq DESC LIMIT 1`,
    { bind: [memberId], type: 'SELECT' as never },
  );
  return row;
}

describe('sign-in', () => {
  let baseUrl: string;
  before(async () => {
    baseUrl = (await useServer()).url;
  });

  describe('with the right password', () => {
    it('signs in, sets an HttpOnly session cookie and records the sign-in', async () => {
      const company = await createCompany();
      const member = await createMember(company);
      const client = new HttpClient(baseUrl, {
        'user-agent': 'sign-in-test/1.0',
      });
      await client.page('/sign-in');
      const response = await client.post('/sign-in', {
        email: member.email,
        password: defaultPassword,
      });
      expect(response.status).to.equal(303);
      expect(response.headers.get('location')).to.equal('/');
      const setCookie = response.headers
        .getSetCookie()
        .find((c) => c.startsWith('gh_session='));
      expect(setCookie)
        .to.match(/HttpOnly/i)
        .and.match(/SameSite=Lax/i);
      expect((await client.page('/')).status).to.equal(200);

      const event = await latestLoginEvent(member.id);
      expect(event).to.include({
        outcome: 'success',
        information_type: 'authentication_token',
        user_agent: 'sign-in-test/1.0',
      });
      expect(event?.ip).to.equal('127.0.0.1');
      expect(event?.device_id).to.equal(client.cookie('gh_device'));
    });

    it('issues a new session id even when the browser already had one', async () => {
      const company = await createCompany();
      const member = await createMember(company);
      const client = new HttpClient(baseUrl);
      await client.signIn(member.email, defaultPassword);
      const first = client.cookie('gh_session');
      await client.signIn(member.email, defaultPassword);
      const second = client.cookie('gh_session');
      expect(second).to.be.a('string').and.not.equal(first);
      const stale = new HttpClient(baseUrl);
      const response = await stale.request('GET', '/', {
        headers: { cookie: `gh_session=${first}`, accept: 'text/html' },
      });
      expect(response.status).to.equal(303);
    });
  });

  describe('with a wrong password or an unknown email', () => {
    it('answers both the same way and records the failure for the known account', async () => {
      const company = await createCompany();
      const member = await createMember(company);
      const wrong = new HttpClient(baseUrl);
      const wrongResponse = await wrong.signIn(
        member.email,
        'not the password at all',
      );
      const unknown = new HttpClient(baseUrl);
      const unknownResponse = await unknown.signIn(
        `nobody-${Date.now()}@example.test`,
        'not the password at all',
      );

      expect(wrongResponse.status).to.equal(401);
      expect(unknownResponse.status).to.equal(wrongResponse.status);
      const text = (body: string) =>
        /<p class="alert" role="alert">([^<]*)<\/p>/.exec(body)?.[1];
      const wrongText = text(await wrongResponse.text());
      expect(wrongText).to.match(
        /^The email address or password is incorrect\./,
      );
      expect(text(await unknownResponse.text())).to.equal(wrongText);
      expect(wrong.cookie('gh_session')).to.equal(undefined);
      expect((await latestLoginEvent(member.id))?.outcome).to.equal('failure');
    });

    it('takes about as long for an unknown email as for a wrong password', async function () {
      // A web process of its own at bcrypt cost 10, so that hashing, not
      // HTTP, dominates: an unknown email that skipped bcrypt would answer
      // in a small fraction of the time.
      this.timeout(60_000);
      const web = await startWebProcess((await useDatabase()).url, {
        BCRYPT_COST: '10',
      });
      try {
        const company = await createCompany();
        const member = await createMember(company);
        await member.update({
          passwordHash: await hashPassword(defaultPassword, 10),
        });
        const time = async (email: string) => {
          const client = new HttpClient(web.url);
          await client.page('/sign-in');
          const started = process.hrtime.bigint();
          const response = await client.post('/sign-in', {
            email,
            password: 'wrong password here',
          });
          expect(response.status).to.equal(401);
          return Number(process.hrtime.bigint() - started) / 1e6;
        };
        const known: number[] = [];
        const unknown: number[] = [];
        for (let i = 0; i < 7; i += 1) {
          known.push(await time(member.email));
          unknown.push(await time(`ghost-${i}-${Date.now()}@example.test`));
        }
        const median = (values: number[]) =>
          values.sort((a, b) => a - b)[3] ?? 0;
        const ratio = median(unknown) / median(known);
        expect(
          ratio,
          `unknown ${median(unknown)} ms vs known ${median(known)} ms`,
        ).to.be.within(0.4, 2.5);
      } finally {
        await web.stop();
      }
    });
  });

  describe('signing out', () => {
    it('ends the session on the server, not only in the browser', async () => {
      const company = await createCompany();
      const member = await createMember(company);
      const client = new HttpClient(baseUrl);
      await client.signIn(member.email, defaultPassword);
      const token = client.cookie('gh_session');
      await client.page('/');
      const response = await client.post('/sign-out');
      expect(response.status).to.equal(303);
      const sessions = await Session.findAll({
        where: { memberId: member.id },
      });
      expect(sessions).to.have.length(1);
      expect(sessions[0]?.revokedAt).to.be.an.instanceOf(Date);
      const replay = new HttpClient(baseUrl);
      const after = await replay.request('GET', '/news', {
        headers: { cookie: `gh_session=${token}`, accept: 'application/json' },
      });
      expect(after.status).to.equal(401);
    });
  });

  describe('CSRF protection', () => {
    it('refuses a sign-in post without a valid token', async () => {
      const company = await createCompany();
      const member = await createMember(company);
      const client = new HttpClient(baseUrl);
      await client.page('/sign-in');
      const response = await client.request('POST', '/sign-in', {
        form: {
          email: member.email,
          password: defaultPassword,
          _csrf: 'forged',
        },
        headers: { accept: 'text/html' },
      });
      expect(response.status).to.equal(403);
      expect(client.cookie('gh_session')).to.equal(undefined);
    });

    it('refuses a signed-in form post whose token belongs to another session', async () => {
      const company = await createCompany();
      const super1 = await createMember(company, { role: 'super_admin' });
      const admin = await createMember(company, {
        permissions: ['audit_log_view'],
      });
      const attacker = new HttpClient(baseUrl);
      await attacker.signIn(admin.email, defaultPassword);
      await attacker.page('/');
      const foreignToken = attacker.csrf();
      const victim = new HttpClient(baseUrl);
      await victim.signIn(super1.email, defaultPassword);
      const response = await victim.request(
        'POST',
        `/settings/admin-permissions/${admin.id}`,
        {
          form: { _csrf: foreignToken, permission: ['login_settings'] },
          headers: { accept: 'text/html' },
        },
      );
      expect(response.status).to.equal(403);
    });
  });
});
