import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { database, EmailMessage, Member, Session } from '../../../db/index.js';
import {
  createCompany,
  createMember,
  defaultPassword,
} from '../../support/factories.js';
import { HttpClient } from '../../support/http-client.js';
import { useServer } from '../../support/server.js';
import { auditEventsFor } from './helpers.js';

const newPassword = 'a brand new passphrase 917';

// The page answers before the link is written, so wait a moment for it.
async function resetEmails(memberId: string) {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const emails = await EmailMessage.findAll({
      where: { memberId, template: 'password-reset' },
      order: [['createdAt', 'DESC']],
    });
    if (emails.length > 0) return emails;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return [];
}

async function resetLinkFor(memberId: string): Promise<string> {
  const [email] = await resetEmails(memberId);
  const link = String(email?.data.link ?? '');
  return new URL(link).pathname;
}

describe('password reset', () => {
  let baseUrl: string;
  before(async () => {
    baseUrl = (await useServer()).url;
  });

  async function askForReset(email: string) {
    const client = new HttpClient(baseUrl);
    await client.page('/password/forgot');
    const response = await client.post('/password/forgot', { email });
    return { client, response, body: await response.text() };
  }

  describe('asking for a link', () => {
    it('answers the same whether or not the email belongs to a member', async () => {
      const company = await createCompany();
      const member = await createMember(company);
      const known = await askForReset(member.email);
      const unknown = await askForReset(`nobody-${Date.now()}@example.test`);
      expect(known.response.status).to.equal(200);
      expect(unknown.response.status).to.equal(known.response.status);
      const notice = (body: string) =>
        /<p class="notice" role="status">([^<]*)<\/p>/.exec(body)?.[1];
      expect(notice(unknown.body))
        .to.be.a('string')
        .and.equal(notice(known.body));
      expect(await resetEmails(member.id)).to.have.length(1);
    });

    it('sends at most three links an hour, answering the same every time', async () => {
      const company = await createCompany();
      const member = await createMember(company);
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => askForReset(member.email)),
      );
      expect(answers.map((a) => a.response.status)).to.deep.equal(
        Array(6).fill(200),
      );
      // The page answers before the work is done, so wait for it to settle.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await resetEmails(member.id)).to.have.length(3);
    });

    it('stores only the hash of the token, valid for one hour', async () => {
      const company = await createCompany();
      const member = await createMember(company);
      await askForReset(member.email);
      const token = (await resetLinkFor(member.id)).split('/').pop() ?? '';
      const [row] = await database().query<{
        token_hash: Buffer;
        minutes: number;
      }>(
        `SELECT token_hash, extract(epoch FROM expires_at - created_at) / 60 AS minutes
         FROM password_reset_tokens WHERE member_id = $1`,
        { bind: [member.id], type: QueryTypes.SELECT },
      );
      expect(row?.token_hash.toString('base64url')).to.not.equal(token);
      expect(row?.token_hash.toString('utf8')).to.not.include(token);
      expect(Number(row?.minutes)).to.be.closeTo(60, 0.1);
    });
  });

  describe('following the link', () => {
    it('sets the new password, releases a lock, ends sessions and audits it', async () => {
      const company = await createCompany();
      const member = await createMember(company);
      const other = new HttpClient(baseUrl);
      await other.signIn(member.email, defaultPassword);
      await Member.update(
        { lockedAt: new Date(), failedSignInCount: 5 },
        { where: { id: member.id } },
      );
      await askForReset(member.email);
      const path = await resetLinkFor(member.id);
      const client = new HttpClient(baseUrl);
      expect((await client.page(path)).status).to.equal(200);
      const response = await client.post(path, {
        password: newPassword,
        confirm: newPassword,
      });
      expect(response.status).to.equal(303);

      const after = await Member.findByPk(member.id);
      expect(after?.lockedAt).to.equal(null);
      expect(after?.failedSignInCount).to.equal(0);
      expect(
        await Session.count({
          where: { memberId: member.id, revokedAt: null },
        }),
      ).to.equal(0);
      expect(
        (await new HttpClient(baseUrl).signIn(member.email, newPassword))
          .status,
      ).to.equal(303);
      expect(
        (await new HttpClient(baseUrl).signIn(member.email, defaultPassword))
          .status,
      ).to.equal(401);
      const event = (await auditEventsFor(member.id)).find(
        (e) => e.details.change === 'password changed',
      );
      expect(event?.details).to.include({
        via: 'reset',
        accountUnlocked: true,
      });
    });

    it('works only once', async () => {
      const company = await createCompany();
      const member = await createMember(company);
      await askForReset(member.email);
      const path = await resetLinkFor(member.id);
      const client = new HttpClient(baseUrl);
      await client.page(path);
      await client.post(path, { password: newPassword, confirm: newPassword });
      expect((await client.page(path)).status).to.equal(410);
      await client.page('/password/forgot');
      const again = await client.post(path, {
        password: 'yet another passphrase 5',
        confirm: 'yet another passphrase 5',
      });
      expect(again.status).to.equal(410);
    });

    it('stops working after one hour', async () => {
      const company = await createCompany();
      const member = await createMember(company);
      await askForReset(member.email);
      const path = await resetLinkFor(member.id);
      expect((await new HttpClient(baseUrl).page(path)).status).to.equal(200);
      await database().query(
        `UPDATE password_reset_tokens SET expires_at = now() - interval '1 second' WHERE member_id = $1`,
        { bind: [member.id] },
      );
      expect((await new HttpClient(baseUrl).page(path)).status).to.equal(410);
    });

    it('refuses a password that breaks the rules, naming the rule, and keeps the link usable', async () => {
      const company = await createCompany();
      const member = await createMember(company);
      await askForReset(member.email);
      const path = await resetLinkFor(member.id);
      const client = new HttpClient(baseUrl);
      await client.page(path);
      const response = await client.post(path, {
        password: 'password',
        confirm: 'password',
      });
      expect(response.status).to.equal(400);
      expect(await response.text()).to.include('too common');
      expect((await client.page(path)).status).to.equal(200);
    });
  });
});
