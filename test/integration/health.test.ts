import { expect } from 'chai';
import { useServer } from '../support/server.js';

describe('health endpoints', () => {
  it('answers /healthz and /readyz with the database and queue reachable', async () => {
    const { url } = await useServer();
    expect((await fetch(`${url}/healthz`)).status).to.equal(200);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).to.equal(200);
    expect(await ready.json()).to.deep.equal({
      status: 'ready',
      database: 'ok',
      queue: 'ok',
    });
  });

  it('answers an unknown path with a 404 page and no stack trace', async () => {
    const { url } = await useServer();
    const response = await fetch(`${url}/no/such/page`, {
      headers: { accept: 'text/html' },
    });
    expect(response.status).to.equal(404);
    expect(await response.text()).to.contain('This page does not exist.');
  });

  it('answers malformed JSON with a 400 naming the problem', async () => {
    const { url } = await useServer();
    const response = await fetch(`${url}/sign-in`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: '{"email":',
    });
    expect(response.status).to.equal(400);
    expect(
      ((await response.json()) as { error: { message: string } }).error.message,
    ).to.contain('could not be read');
  });
});
