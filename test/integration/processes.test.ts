import { spawn } from 'node:child_process';
import { expect } from 'chai';
import { config } from '../../core/config/index.js';
import {
  createCompany,
  createMember,
  defaultPassword,
} from '../support/factories.js';
import { HttpClient } from '../support/http-client.js';
import { useDatabase } from '../support/services.js';
import { startWebProcess } from '../support/web-process.js';

describe('the production processes', function () {
  this.timeout(120_000);

  describe('web', () => {
    it('logs no password, session token or CSRF token, even at debug level', async () => {
      const web = await startWebProcess((await useDatabase()).url, {
        LOG_LEVEL: 'trace',
      });
      let output = '';
      web.child.stdout?.on(
        'data',
        (chunk: Buffer) => (output += chunk.toString()),
      );
      web.child.stderr?.on(
        'data',
        (chunk: Buffer) => (output += chunk.toString()),
      );
      try {
        const company = await createCompany();
        const member = await createMember(company);
        const client = new HttpClient(web.url);
        await client.signIn(member.email, 'a wrong password 123');
        await client.signIn(member.email, defaultPassword);
        await client.page('/');
        const csrf = client.csrf();
        await client.post('/sign-out');
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(output).to.contain('"path":"/sign-in"');
        for (const secret of [
          defaultPassword,
          'a wrong password 123',
          client.cookie('gh_device') ?? 'x',
          csrf,
        ]) {
          expect(output).not.to.contain(secret);
        }
      } finally {
        await web.stop();
      }
    });

    it('exits cleanly on SIGTERM', async () => {
      const web = await startWebProcess((await useDatabase()).url);
      const exited = new Promise<number | null>((resolve) =>
        web.child.once('exit', resolve),
      );
      web.child.kill('SIGTERM');
      expect(await exited).to.equal(0);
    });
  });

  describe('worker', () => {
    it('starts, reports ready and exits cleanly on SIGTERM', async () => {
      const { url } = await useDatabase();
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'workers/main.ts'],
        {
          env: {
            ...process.env,
            DATABASE_URL: url,
            LOG_LEVEL: 'info',
            QUEUE_PREFIX: config.queuePrefix,
            SESSION_SECRET: config.sessionSecret,
            OTP_ENCRYPTION_KEYS: config.otpEncryptionKeys,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) =>
        child.once('exit', resolve),
      );
      const deadline = Date.now() + 50_000;
      while (!output.includes('"worker ready"') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(output).to.contain('"worker ready"');
      expect(output).not.to.match(/express/i);
      child.kill('SIGTERM');
      expect(await exited).to.equal(0);
    });
  });
});
