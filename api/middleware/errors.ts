import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from '../../core/errors.js';
import { logger } from '../../core/logger.js';

function wantsJson(req: Parameters<RequestHandler>[0]): boolean {
  return req.path.startsWith('/api/') || req.accepts(['html', 'json']) === 'json';
}

/** Unknown paths: a 404 page (or JSON), never Express's default text. */
export const notFound: RequestHandler = (_req, _res, next) => next(new AppError('notFound'));

/**
 * Shows catalogued errors as they are and everything else as a generic 500
 * with the request id; the stack goes to the log, never to the user.
 */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const known = error instanceof AppError ? error : undefined;
  const parseFailure = (error as { type?: string }).type === 'entity.parse.failed';
  const status = known?.status ?? (parseFailure ? 400 : 500);
  const message = known?.message ?? (parseFailure ? 'The request body could not be read.' : 'Something went wrong on our side.');
  if (status >= 500) logger.error({ err: error, requestId: req.id, path: req.path }, 'request failed');
  if (res.headersSent) return;
  if (wantsJson(req)) {
    res.status(status).json({
      error: { code: known?.code ?? (parseFailure ? 'validation' : 'internal'), message, fields: known?.fields ?? {} },
      requestId: req.id,
    });
    return;
  }
  res.status(status).render('error', { title: `${status}`, status, message, requestId: req.id });
};
