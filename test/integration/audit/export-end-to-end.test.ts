import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { buildAuditExport } from '../../../core/audit/build-export.js';
import { smtpTransport } from '../../../core/mail/transport.js';
import { AuditExport, EmailMessage, News } from '../../../db/index.js';
import {
  startWorkers,
  type RunningWorkers,
} from '../../../workers/run-workers.js';
import { daysAgo, eventBy, writeEvents } from '../../support/audit-fixtures.js';
import {
  createCompany,
  createMember,
  defaultPassword,
} from '../../support/factories.js';
import { HttpClient } from '../../support/http-client.js';
import { useServer } from '../../support/server.js';
import { testRedisUrl, useQueues } from '../../support/services.js';
import {
  mailText,
  startSmtpSink,
  type SmtpSink,
} from '../../support/smtp-sink.js';
import { requireRedis, requireTool } from '../../support/tools.js';
import { findOpenpyxl } from '../../unit/export/openpyxl-reader.js';

for (const backend of ['postgres', 'redis'] as const) {
  describe(`audit export end to end on the ${backend} queue backend`, function () {
    this.timeout(90_000);
    let baseUrl: string;
    let sink: SmtpSink;
    let workers: RunningWorkers;

    before(async function () {
      if (backend === 'redis') await requireRedis(this, testRedisUrl);
      baseUrl = (await useServer()).url;
      await useQueues(backend);
      sink = await startSmtpSink();
      workers = await startWorkers({
        mail: smtpTransport(sink.url),
        viewsDir: path.resolve('views'),
      });
    });

    after(async () => {
      await workers?.close();
      await sink?.close();
      await useQueues('postgres');
    });

    it('mails a link to an XLSX holding exactly the filtered rows of the viewing window', async function () {
      requireTool(this, 'python3-openpyxl', [
        '/usr/bin/python3',
        '-c',
        'import openpyxl',
      ]);
      const company = await createCompany({
        plan: 'core_hr',
        timeZone: 'Asia/Seoul',
      });
      const admin = await createMember(company, {
        permissions: ['audit_log_view'],
      });
      const other = await createCompany();
      const stranger = await createMember(other, {
        permissions: ['audit_log_view'],
      });
      await writeEvents([
        eventBy(company, admin, daysAgo(10), 'outside-window'),
        eventBy(company, admin, daysAgo(8), 'outside-window-2'),
        eventBy(company, admin, daysAgo(5), 'inside-1'),
        eventBy(company, admin, daysAgo(2), 'inside-2', {
          event: 'edit',
          informationType: 'personal',
        }),
        eventBy(
          company,
          admin,
          daysAgo(1),
          '=HYPERLINK("http://evil.example")',
        ),
        eventBy(company, admin, daysAgo(1), 'other-activity', {
          activityType: 'permission_change',
          informationType: 'admin_permission',
          event: 'create',
        }),
      ]);
      await writeEvents([
        eventBy(other, stranger, daysAgo(1), 'other-company'),
      ]);

      const client = new HttpClient(baseUrl);
      await client.signIn(admin.email, defaultPassword);
      const viewer = await client.page(
        '/audit-log?activityType=personal_information_access',
      );
      expect(viewer.status).to.equal(200);
      const requested = await client.post('/audit-log/exports', {
        activityType: 'personal_information_access',
      });
      expect(requested.status).to.equal(303);
      const exportId = /\/audit-log\/exports\/([0-9a-f-]{36})$/.exec(
        requested.headers.get('location') ?? '',
      )?.[1];
      expect(exportId).to.be.a('string');

      const mail = await sink.waitFor((m) => m.to.includes(admin.email));
      expect(mail.raw).to.match(/Subject: Your audit log export is ready/);
      const link =
        /(http:\/\/127\.0\.0\.1:\d+\/audit-log\/exports\/[0-9a-f-]{36}\/download)/.exec(
          mailText(mail.raw),
        )?.[1];
      expect(link).to.equal(
        `${baseUrl}/audit-log/exports/${exportId}/download`,
      );

      const news = await News.findAll({ where: { memberId: admin.id } });
      expect(news.map((n) => n.link)).to.include(
        `/audit-log/exports/${exportId}/download`,
      );

      const download = await client.request(
        'GET',
        new URL(link ?? '').pathname,
      );
      expect(download.status).to.equal(200);
      expect(download.headers.get('content-type')).to.match(/spreadsheetml/);
      const file = path.join(os.tmpdir(), `export-${exportId}.xlsx`);
      fs.writeFileSync(file, Buffer.from(await download.arrayBuffer()));

      const sheets = await findOpenpyxl()!(file);
      fs.rmSync(file);
      expect(sheets.map((s) => s.name)).to.deep.equal([
        'About this export',
        'Events',
      ]);
      const [header, ...rows] = sheets[1]?.rows ?? [];
      expect(header?.[0]?.v).to.equal('Time (Asia/Seoul)');
      const detailsColumn =
        header?.findIndex((cell) => cell.v === 'Details') ?? -1;
      const markers = rows.map(
        (row) =>
          JSON.parse(String(row[detailsColumn]?.v ?? '{}')).marker as string,
      );
      expect(markers.sort()).to.deep.equal(
        ['=HYPERLINK("http://evil.example")', 'inside-1', 'inside-2'].sort(),
      );
      for (const row of rows)
        expect(row.every((cell) => cell.t !== 'f')).to.equal(true);

      const row = await AuditExport.findByPk(exportId);
      expect(row?.status).to.equal('ready');
      expect(row?.rowCount).to.equal(3);
    });

    it('gives one file and one email when the job runs twice', async () => {
      const company = await createCompany();
      const admin = await createMember(company, {
        permissions: ['audit_log_view'],
      });
      await writeEvents([eventBy(company, admin, daysAgo(1), 'twice')]);
      const client = new HttpClient(baseUrl);
      await client.signIn(admin.email, defaultPassword);
      await client.page('/audit-log');
      const requested = await client.post('/audit-log/exports', {});
      const exportId =
        /([0-9a-f-]{36})$/.exec(requested.headers.get('location') ?? '')?.[1] ??
        '';
      await sink.waitFor((m) => m.to.includes(admin.email));
      const first = await AuditExport.findByPk(exportId);

      await buildAuditExport(exportId, false);
      await buildAuditExport(exportId, true);
      await new Promise((resolve) => setTimeout(resolve, 1500));

      const second = await AuditExport.findByPk(exportId);
      expect(second?.sha256).to.equal(first?.sha256);
      const files = fs
        .readdirSync(path.dirname(first?.filePath ?? ''))
        .filter((f) => f.startsWith(exportId));
      expect(files).to.deep.equal([`${exportId}.xlsx`]);
      expect(
        sink.messages.filter((m) => m.to.includes(admin.email)),
      ).to.have.length(1);
      expect(
        await EmailMessage.count({ where: { memberId: admin.id } }),
      ).to.equal(1);
      expect(await News.count({ where: { memberId: admin.id } })).to.equal(1);
    });
  });
}
