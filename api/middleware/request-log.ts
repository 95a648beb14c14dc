import type { RequestHandler } from 'express';
import { logger } from '../../core/logger.js';

/** One log line per request, with its id; no headers, bodies or cookies. */
export const requestLog: RequestHandler = (req, res, next) => {
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    logger.debug(
      {
        requestId: req.id,
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      },
      'request',
    );
  });
  next();
};
