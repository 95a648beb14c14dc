import { expect } from 'chai';
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { config } from '../../../core/config/index.js';
import { Member } from '../../../db/index.js';
import { createCompany, createMember } from '../../support/factories.js';
import { HttpClient } from '../../support/http-client.js';
import { useServer } from '../../support/server.js';
import { auditEventsOf, enableOtp, enrol } from './otp-fixtures.js';

interface Account {
  email: string;
  email_verified: boolean;
  amr: string[];
}

/**
 * A real OpenID provider on 127.0.0.1 standing in for Google. Its login and
 * consent steps finish at once for whichever account the test chose.
 */
async function startProvider(redirectUri: string) {
  const accounts = new Map<string, Account>();
  let next: string | undefined;
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientSecret = crypto.randomBytes(24).toString('hex');
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'gatehouse-test',
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub', 'amr'], email: ['email', 'email_verified'] },
    // Like Google, put the email claims in the ID token itself.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: {
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
    },
    cookies: { keys: [crypto.randomBytes(16).toString('hex')] },
    ttl: {
      Grant: 600,
      Session: 600,
      Interaction: 600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      return {
        accountId: sub,
        claims: () => ({
          sub,
          email: account?.email,
          email_verified: account?.email_verified,
        }),
      };
    },
  });
  const handle = provider.callback();
  server.on('request', async (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return handle(req, res);
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      const amr = next ? accounts.get(next)?.amr : undefined;
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: next ?? 'nobody', amr } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const grant = new provider.Grant({
      accountId: details.session?.accountId,
      clientId: String(details.params.client_id),
    });
    grant.addOIDCScope('openid email');
    await provider.interactionFinished(
      req,
      res,
      { consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: true },
    );
  });
  return {
    issuer,
    clientSecret,
    add(sub: string, account: Account) {
      accounts.set(sub, account);
    },
    choose(sub: string) {
      next = sub;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('Google sign-in against a local OpenID provider', () => {
  let baseUrl: string;
  let provider: Awaited<ReturnType<typeof startProvider>>;
  const saved = config.google;

  before(async () => {
    baseUrl = (await useServer()).url;
    provider = await startProvider(
      `${config.publicUrl}/sign-in/google/callback`,
    );
    config.google = {
      clientId: 'gatehouse-test',
      clientSecret: provider.clientSecret,
      issuerUrl: provider.issuer,
    };
  });

  after(async () => {
    config.google = saved;
    await provider?.close();
  });

  /** Runs the whole redirect dance as a browser would; returns Gatehouse's last answer. */
  async function signInWithGoogle(
    client: HttpClient,
    sub: string,
  ): Promise<Response> {
    provider.choose(sub);
    const atProvider = new HttpClient('');
    let response = await client.request('GET', '/sign-in/google');
    for (let hop = 0; hop < 12; hop += 1) {
      const location = response.headers.get('location');
      if (!location) return response;
      const url = new URL(location, provider.issuer);
      if (url.origin !== provider.issuer)
        return client.request('GET', url.pathname + url.search, {
          headers: { accept: 'text/html' },
        });
      response = await atProvider.request('GET', url.href);
    }
    throw new Error('too many redirects');
  }

  async function companyWithMember(otp: Record<string, unknown> = {}) {
    const company = await createCompany();
    await enableOtp(company, otp);
    const member = await createMember(company);
    await enrol(member);
    const sub = crypto.randomUUID();
    return { company, member, sub };
  }

  it('offers the button on the sign-in page', async () => {
    const client = new HttpClient(baseUrl);
    await client.page('/sign-in');
    expect(client.lastBody).to.include('href="/sign-in/google"');
  });

  describe('for a verified email of the company’s domain', () => {
    it('signs in, skips OTP, links the subject and records why', async () => {
      const { member, sub } = await companyWithMember();
      provider.add(sub, {
        email: member.email.toUpperCase(),
        email_verified: true,
        amr: ['pwd'],
      });
      const client = new HttpClient(baseUrl);
      const response = await signInWithGoogle(client, sub);
      expect(response.status).to.equal(303);
      expect(response.headers.get('location')).to.equal('/');
      expect((await client.page('/')).status).to.equal(200);
      expect((await Member.findByPk(member.id))?.googleSubject).to.equal(sub);
      const [event] = await auditEventsOf(member.id, 'authentication_token');
      expect(event?.details).to.include({
        method: 'google',
        stage: 'active',
        otpSkipped: true,
        otpSkipReason: 'google sign-in',
      });
    });
  });

  describe('for an unverified email', () => {
    it('refuses, and signs in nobody', async () => {
      const { member, sub } = await companyWithMember();
      provider.add(sub, {
        email: member.email,
        email_verified: false,
        amr: ['pwd'],
      });
      const client = new HttpClient(baseUrl);
      const response = await signInWithGoogle(client, sub);
      expect(response.status).to.equal(401);
      expect(client.cookie('gh_session')).to.equal(undefined);
    });
  });

  describe('for a linked subject', () => {
    it('signs in whatever email Google now reports', async () => {
      const { member, sub } = await companyWithMember();
      await Member.update({ googleSubject: sub }, { where: { id: member.id } });
      provider.add(sub, {
        email: 'someone@elsewhere.example',
        email_verified: false,
        amr: ['pwd'],
      });
      const response = await signInWithGoogle(new HttpClient(baseUrl), sub);
      expect(response.headers.get('location')).to.equal('/');
    });
  });

  describe('when the company requires OTP after Google sign-in', () => {
    it('asks for OTP unless Google reports multi-factor', async () => {
      const { member, sub } = await companyWithMember({
        requireAfterGoogle: true,
      });
      provider.add(sub, {
        email: member.email,
        email_verified: true,
        amr: ['pwd'],
      });
      const single = new HttpClient(baseUrl);
      await signInWithGoogle(single, sub);
      expect((await single.page('/')).headers.get('location')).to.equal(
        '/sign-in/otp',
      );

      provider.add(sub, {
        email: member.email,
        email_verified: true,
        amr: ['pwd', 'mfa'],
      });
      const multi = new HttpClient(baseUrl);
      await signInWithGoogle(multi, sub);
      expect((await multi.page('/')).status).to.equal(200);
      const [event] = await auditEventsOf(member.id, 'authentication_token');
      expect(event?.details).to.include({
        otpSkipReason: 'google reported mfa',
      });
    });
  });

  describe('for a callback this browser did not start', () => {
    it('refuses it without signing anyone in', async () => {
      const { member, sub } = await companyWithMember();
      provider.add(sub, {
        email: member.email,
        email_verified: true,
        amr: ['pwd'],
      });
      const starter = new HttpClient(baseUrl);
      provider.choose(sub);
      const atProvider = new HttpClient('');
      let response = await starter.request('GET', '/sign-in/google');
      let location = response.headers.get('location');
      while (
        location &&
        new URL(location, provider.issuer).origin === provider.issuer
      ) {
        response = await atProvider.request(
          'GET',
          new URL(location, provider.issuer).href,
        );
        location = response.headers.get('location');
      }
      const callback = new URL(location!);
      const victim = new HttpClient(baseUrl);
      const answer = await victim.request(
        'GET',
        callback.pathname + callback.search,
        { headers: { accept: 'text/html' } },
      );
      expect(answer.status).to.equal(401);
      expect(victim.cookie('gh_session')).to.equal(undefined);
    });
  });

  describe('for a member who may not sign in', () => {
    it('refuses a terminated member and records the failure', async () => {
      const { member, sub } = await companyWithMember();
      await Member.update(
        { employmentStatus: 'terminated' },
        { where: { id: member.id } },
      );
      provider.add(sub, {
        email: member.email,
        email_verified: true,
        amr: ['pwd'],
      });
      const client = new HttpClient(baseUrl);
      const response = await signInWithGoogle(client, sub);
      expect(response.status).to.equal(401);
      expect(client.cookie('gh_session')).to.equal(undefined);
      const [event] = await auditEventsOf(member.id, 'authentication_token');
      expect(event).to.deep.include({ outcome: 'failure' });
      expect(event?.details).to.include({
        method: 'google',
        reason: 'terminated',
      });
    });
  });
});
