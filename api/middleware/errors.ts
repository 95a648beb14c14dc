import type {
  ErrorRequestHandler,
  Express,
  Request,
  RequestHandler,
} from 'express';
import { AppError } from '../../core/errors.js';
import { logger } from '../../core/logger.js';

/** What body-parser's client errors mean, in words a user can act on. */
const clientErrorMessages: Record<number, string> = {
  400: 'The request body could not be read.',
  413: 'The request is too large.',
  415: 'This content type or encoding is not supported.',
};

function wantsJson(req: Request): boolean {
  return (
    req.path.startsWith('/api/') || req.accepts(['html', 'json']) === 'json'
  );
}

// Errors from Express's own parsers carry a 4xx status and expose: true.
function clientStatus(error: unknown): number | undefined {
  const { status, expose } = error as { status?: number; expose?: boolean };
  return expose && status && status >= 400 && status < 500 ? status : undefined;
}

/** Unknown paths: a 404 page (or JSON), never Express's default text. */
export const notFound: RequestHandler = (_req, _res, next) =>
  next(new AppError('notFound'));

/**
 * Shows catalogued errors as they are and everything else as a generic
 * page with the request id; the stack goes to the log, never to the user.
 * Pages render through the main app, so that errors inside mounted
 * sub-apps (Bull Board) still get Gatehouse's page.
 */
export function errorHandler(app: Express): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const known = error instanceof AppError ? error : undefined;
    const client = known ? undefined : clientStatus(error);
    const status = known?.status ?? client ?? 500;
    const message =
      known?.message ??
      (client
        ? (clientErrorMessages[client] ?? 'The request could not be handled.')
        : 'Something went wrong on our side.');
    if (status >= 500)
      logger.error(
        { err: error, requestId: req.id, path: req.path },
        'request failed',
      );
    if (res.headersSent) return;
    res.status(status);
    if (wantsJson(req)) {
      res.json({
        error: {
          code: known?.code ?? (client ? 'request' : 'internal'),
          message,
          fields: known?.fields ?? {},
        },
        requestId: req.id,
      });
      return;
    }
    app.render(
      'error',
      {
        ...res.locals,
        // Visitors who are not signed in get the page without the menu.
        layout: res.locals.viewer ? 'main' : 'public',
        title: `${status}`,
        status,
        message,
        requestId: req.id,
      },
      (renderError, html) => {
        if (renderError) {
          logger.error(
            { err: renderError, requestId: req.id },
            'error page failed',
          );
          res.type('text/plain').send(`${message} (request ${req.id})`);
          return;
        }
        res.type('html').send(html);
      },
    );
  };
}
