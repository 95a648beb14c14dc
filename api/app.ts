import path from 'node:path';
import express from 'express';
import { engine } from 'express-handlebars';
import { config } from '../core/config/index.js';
import { csrfProtection } from './middleware/csrf.js';
import { errorHandler, notFound } from './middleware/errors.js';
import { newsCount } from './middleware/news-count.js';
import { securityHeaders } from './middleware/security-headers.js';
import { requestContext } from './middleware/request-context.js';
import { requestLog } from './middleware/request-log.js';
import { loadSession } from './middleware/session.js';
import { enforceIpPolicy } from './middleware/ip-policy.js';
import { allowedIpsRouter } from './routes/allowed-ips.js';
import { securitySettingsRouter } from './routes/security-settings.js';
import { workRecordsRouter } from './routes/work-records.js';
import { adminPermissionsRouter } from './routes/admin-permissions.js';
import { auditLogRouter } from './routes/audit-log.js';
import { authRouter } from './routes/auth.js';
import { dashboardRouter } from './routes/dashboard.js';
import { devMailRouter } from './routes/dev-mail.js';
import { healthRouter } from './routes/health.js';
import { opsRouter } from './routes/ops.js';
import { loginRouters } from './routes/login-routes.js';
import { otpRouter } from './routes/otp.js';
import { googleSignInLocals } from './routes/google-sign-in.js';
import { devicesRouter } from './routes/devices.js';
import { profilesRouter } from './routes/profiles.js';
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

  app.use(securityHeaders);
  app.use(healthRouter);
  app.use(
    '/assets',
    express.static(path.resolve('api/public'), { maxAge: '1h' }),
  );
  app.use(requestContext, requestLog);
  // Bull Board posts JSON from its own page and has no CSRF tokens; it sits
  // before the form parsers and CSRF check, behind its own guards.
  if (config.ops || !config.isProduction) app.use(opsRouter(config.ops));
  app.use(express.urlencoded({ extended: false, limit: '64kb' }));
  app.use(express.json({ limit: '64kb' }));
  app.use(loadSession, csrfProtection, enforceIpPolicy, newsCount);

  app.use(loginRouters);
  app.use(googleSignInLocals);
  app.use(authRouter, dashboardRouter, auditLogRouter, adminPermissionsRouter);
  app.use(securitySettingsRouter, allowedIpsRouter, workRecordsRouter);
  app.use(profilesRouter, devicesRouter);
  app.use(otpRouter);
  if (!config.isProduction) app.use(devMailRouter);

  app.use(notFound);
  app.use(errorHandler(app));
  return app;
}
