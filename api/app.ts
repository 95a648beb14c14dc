import path from 'node:path';
import express from 'express';
import { engine } from 'express-handlebars';
import { config } from '../core/config/index.js';
import { csrfProtection } from './middleware/csrf.js';
import { errorHandler, notFound } from './middleware/errors.js';
import { newsCount } from './middleware/news-count.js';
import { requestContext } from './middleware/request-context.js';
import { requestLog } from './middleware/request-log.js';
import { loadSession } from './middleware/session.js';
import { adminPermissionsRouter } from './routes/admin-permissions.js';
import { auditLogRouter } from './routes/audit-log.js';
import { authRouter } from './routes/auth.js';
import { dashboardRouter } from './routes/dashboard.js';
import { devMailRouter } from './routes/dev-mail.js';
import { healthRouter } from './routes/health.js';
import { opsRouter } from './routes/ops.js';
import { viewHelpers } from './view-helpers.js';
import './types.js';

const viewsDir = path.resolve('views');

/**
 * Builds the web application: request context, session, CSRF, then the
 * routers, then the 404 and error pages. Nothing here runs jobs.
 */
export function createApp(): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.engine(
    'hbs',
    engine({
      extname: '.hbs',
      defaultLayout: 'main',
      layoutsDir: path.join(viewsDir, 'layouts'),
      partialsDir: path.join(viewsDir, 'partials'),
      helpers: viewHelpers,
    }),
  );
  app.set('view engine', 'hbs');
  app.set('views', path.join(viewsDir, 'pages'));
  app.set('query parser', 'simple');

  app.use(healthRouter);
  app.use('/assets', express.static(path.resolve('api/public'), { maxAge: '1h' }));
  app.use(requestContext, requestLog);
  app.use(express.urlencoded({ extended: false, limit: '64kb' }));
  app.use(express.json({ limit: '64kb' }));
  app.use((_req, res, next) => {
    res.set({
      'X-Frame-Options': 'DENY',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
      'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'",
    });
    next();
  });
  app.use(loadSession, csrfProtection, newsCount);

  app.use(authRouter, dashboardRouter, auditLogRouter, adminPermissionsRouter);
  if (!config.isProduction) app.use(devMailRouter);
  if (config.ops || !config.isProduction) app.use(opsRouter(config.ops));

  app.use(notFound);
  app.use(errorHandler);
  return app;
}
