import { Router } from 'express';
import { AppError } from '../../core/errors.js';
import { authOf, requireMember } from '../middleware/require.js';

/** Settings → Security & Authentication: links to its two pages. */
export const securitySettingsRouter = Router();

securitySettingsRouter.get('/settings/security', requireMember, (req, res) => {
  const { permissions } = authOf(req);
  const otp = permissions.has('otp_settings');
  const allowedIps = permissions.has('allowed_ip_settings');
  if (!otp && !allowedIps) throw new AppError('forbidden');
  res.render('security-settings', {
    title: 'Security & Authentication',
    otp,
    allowedIps,
  });
});
