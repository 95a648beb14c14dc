import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Job } from 'bullmq';
import { expect } from 'chai';
import { requestPasswordReset } from '../../core/login/password-reset.js';
import { fileTransport } from '../../core/mail/transport.js';
import { EmailMessage } from '../../db/index.js';
import { sendEmail } from '../../workers/jobs/send-email.js';
import { createCompany, createMember } from '../support/factories.js';
import { useDatabase, useQueues } from '../support/services.js';

describe('send-email and secrets', () => {
  before(async () => {
    await useDatabase();
    await useQueues('postgres');
  });

  it('mails the reset link, then keeps no copy of it in the email row', async () => {
    const company = await createCompany();
    const member = await createMember(company);
    await requestPasswordReset(member.email);
    const email = await EmailMessage.findOne({
      where: { memberId: member.id, template: 'password-reset' },
    });
    expect(String(email?.data.link)).to.match(
      /\/password\/reset\/[A-Za-z0-9_-]{20,}$/,
    );

    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-mail-'));
    const job = {
      data: { emailId: email!.id },
      attemptsMade: 0,
      opts: { attempts: 3 },
    } as unknown as Job<{ emailId: string }>;
    await sendEmail.handle(job, {
      mail: fileTransport(folder),
      viewsDir: path.resolve('views'),
    });

    const [file] = fs.readdirSync(folder);
    expect(fs.readFileSync(path.join(folder, file ?? ''), 'utf8')).to.contain(
      '/password/reset/',
    );
    await email!.reload();
    expect(email!.status).to.equal('sent');
    expect(email!.data.link).to.equal('[removed after sending]');
    expect(email!.data).not.to.have.property('_secretFields');
    fs.rmSync(folder, { recursive: true });
  });
});
