import fs from 'node:fs/promises';
import path from 'node:path';
import { Router } from 'express';
import { config } from '../../core/config/index.js';
import { AppError } from '../../core/errors.js';

/**
 * Lists the .eml files written when no SMTP_URL is set. Mounted only outside
 * production: these messages hold other members' links.
 */
export const devMailRouter = Router();

devMailRouter.get('/dev/mail', async (_req, res) => {
  const files = await fs.readdir(config.mailDir).catch(() => [] as string[]);
  const entries = await Promise.all(
    files
      .filter((file) => file.endsWith('.eml'))
      .map(async (file) => {
        const full = path.join(config.mailDir, file);
        const [stat, text] = await Promise.all([
          fs.stat(full),
          fs.readFile(full, 'utf8'),
        ]);
        const header = (name: string) =>
          new RegExp(`^${name}: (.*)$`, 'mi').exec(text)?.[1] ?? '';
        return {
          file,
          time: stat.mtime,
          to: header('To'),
          subject: header('Subject'),
        };
      }),
  );
  entries.sort((a, b) => b.time.getTime() - a.time.getTime());
  res.render('dev-mail', {
    title: 'Development mail',
    layout: 'public',
    entries,
  });
});

devMailRouter.get('/dev/mail/:file', async (req, res) => {
  const file = String(req.params.file);
  if (!/^[A-Za-z0-9-]+\.eml$/.test(file)) throw new AppError('notFound');
  const text = await fs
    .readFile(path.join(config.mailDir, file), 'utf8')
    .catch(() => {
      throw new AppError('notFound');
    });
  res.type('text/plain').send(text);
});
