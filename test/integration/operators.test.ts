import { expect } from 'chai';
import { News } from '../../db/index.js';
import {
  createCompany,
  createMember,
  defaultPassword,
} from '../support/factories.js';
import { HttpClient } from '../support/http-client.js';
import { useServer } from '../support/server.js';
import { useDatabase } from '../support/services.js';
import { startWebProcess } from '../support/web-process.js';

describe('operator and member pages', function () {
  this.timeout(120_000);

  it('serves Bull Board with every queue outside production', async () => {
    const { url } = await useServer();
    const page = await fetch(`${url}/ops/queues/`);
    expect(page.status).to.equal(200);
    const api = await fetch(
      `${url}/ops/queues/api/queues?activeQueue=&page=1&jobsPerPage=10`,
    );
    const body = (await api.json()) as { queues: { name: string }[] };
    expect(body.queues.map((q) => q.name)).to.include.members([
      'send-email',
      'audit-export',
    ]);
  });

  it('puts Bull Board behind the operator credentials in production', async () => {
    const web = await startWebProcess((await useDatabase()).url, {
      NODE_ENV: 'production',
      OPS_USER: 'operator',
      OPS_PASSWORD: 'a long operator password',
    });
    try {
      expect((await fetch(`${web.url}/ops/queues/`)).status).to.equal(401);
      const wrong = Buffer.from('operator:guess').toString('base64');
      expect(
        (
          await fetch(`${web.url}/ops/queues/`, {
            headers: { authorization: `Basic ${wrong}` },
          })
        ).status,
      ).to.equal(401);
      const right = Buffer.from('operator:a long operator password').toString(
        'base64',
      );
      expect(
        (
          await fetch(`${web.url}/ops/queues/`, {
            headers: { authorization: `Basic ${right}` },
          })
        ).status,
      ).to.equal(200);
      expect((await fetch(`${web.url}/dev/mail`)).status).to.equal(404);
    } finally {
      await web.stop();
    }
  });

  it('shows the unread news count on the bell and marks news read', async () => {
    const { url } = await useServer();
    const company = await createCompany();
    const member = await createMember(company);
    const item = await News.create({
      companyId: company.id,
      memberId: member.id,
      kind: 'test',
      title: 'Hello there',
      body: 'A notice',
    });
    const client = new HttpClient(url);
    await client.signIn(member.email, defaultPassword);
    const home = await (await client.page('/')).text();
    expect(home).to.match(/News <span class="badge">1<\/span>/);
    await client.page('/news');
    expect(client.lastBody).to.contain('Hello there');
    await client.post(`/news/${item.id}/read`);
    await item.reload();
    expect(item.readAt).to.be.an.instanceOf(Date);
    expect(await (await client.page('/')).text()).not.to.contain(
      'class="badge"',
    );
  });

  it("does not show one member's news to another, even by id", async () => {
    const { url } = await useServer();
    const company = await createCompany();
    const owner = await createMember(company);
    const other = await createMember(company);
    const item = await News.create({
      companyId: company.id,
      memberId: owner.id,
      kind: 'test',
      title: 'Private',
      body: '',
    });
    const client = new HttpClient(url);
    await client.signIn(other.email, defaultPassword);
    await client.page('/news');
    expect(client.lastBody).not.to.contain('Private');
    expect((await client.post(`/news/${item.id}/read`)).status).to.equal(404);
  });
});
