import { Router } from 'express';
import { parseIpEntry } from '../../core/ip/ip-entry.js';
import { listAllowedIps } from '../../core/ip-policy/allowed-ip-store.js';
import { readIpSettings } from '../../core/ip-policy/ip-settings.js';
import { saveIpPolicy } from '../../core/ip-policy/save-ip-policy.js';
import {
  authOf,
  requireMember,
  requirePermission,
} from '../middleware/require.js';
import { fieldErrors } from '../middleware/validate.js';
import {
  allowedIpsSchema,
  attachErrors,
  readRows,
  rowsToSave,
  settingsOf,
  toListRows,
} from './allowed-ips-form.js';
import {
  renderAllowedIps as render,
  type PageState,
} from '../presenters/allowed-ips-page.js';

const path = '/settings/security/allowed-ips';

/** Admins with Allowed IP settings edit the company's allowlist. */
export const allowedIpsRouter = Router();
allowedIpsRouter.use(
  path,
  requireMember,
  requirePermission('allowed_ip_settings'),
);

allowedIpsRouter.get(path, async (req, res) => {
  const { company } = authOf(req);
  const stored = await listAllowedIps(company.id);
  render(req, res, {
    settings: readIpSettings(company.ipSettings),
    rows: stored.map((item, index) => ({
      index,
      entry: item.entry,
      label: item.label ?? '',
      state: 'saved',
      remove: false,
    })),
    version: company.settingsVersion,
    notice: req.query.saved === '1' ? 'Allowed access IPs saved.' : undefined,
  });
});

allowedIpsRouter.post(path, async (req, res) => {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const rows = readRows(body);
  const parsed = allowedIpsSchema.safeParse(body);
  const { company, member } = authOf(req);
  if (!parsed.success) {
    const settings = readIpSettings(company.ipSettings);
    return render(req, res, {
      settings,
      rows,
      version: company.settingsVersion,
      status: 400,
      errors: fieldErrors(parsed.error),
    });
  }
  const form = parsed.data;
  const state: PageState = {
    settings: settingsOf(form),
    rows,
    version: form.version,
  };
  const nextIndex = Math.max(-1, ...rows.map((row) => row.index)) + 1;

  // Without JavaScript, Enter and the add buttons post here: the entry joins
  // the list being edited, marked unsaved, and nothing is stored yet.
  if (form.action === 'add' || form.action === 'add-current') {
    const entry =
      form.action === 'add' ? form.newEntry.trim() : (req.context.ip ?? '');
    const label =
      form.action === 'add' ? form.newLabel.trim() : 'Current access IP';
    const check = parseIpEntry(entry);
    if (!check.ok) {
      return render(req, res, {
        ...state,
        status: 400,
        newEntry: form.newEntry,
        newLabel: form.newLabel,
        errors: { newEntry: check.message },
      });
    }
    rows.push({ index: nextIndex, entry, label, state: 'new', remove: false });
    return render(req, res, state);
  }

  // An entry typed but never added is saved too rather than silently lost.
  if (form.newEntry.trim() !== '') {
    rows.push({
      index: nextIndex,
      entry: form.newEntry,
      label: form.newLabel,
      state: 'new',
      remove: false,
    });
  }
  const kept = rowsToSave(rows);
  const result = await saveIpPolicy(
    {
      id: member.id,
      name: member.name,
      organizationId: member.organizationId,
      companyId: member.companyId,
      role: member.role,
    },
    {
      settings: state.settings,
      rows: toListRows(kept),
      expectedVersion: form.version,
      confirmSelfLockout: form.confirmLockout === 'yes',
    },
    req.context,
  );
  if (result.ok) return res.redirect(303, `${path}?saved=1`);
  if (result.reason === 'invalid') {
    attachErrors(kept, result.errors);
    return render(req, res, {
      ...state,
      status: 400,
      failure: 'Nothing was saved: some entries need attention.',
    });
  }
  if (result.reason === 'self-lockout') {
    return render(req, res, { ...state, status: 400, lockout: true });
  }
  // Someone else saved first: keep these edits on screen against the new
  // version, so saving again is a deliberate overwrite.
  return render(req, res, {
    ...state,
    status: 409,
    version: company.settingsVersion,
    failure:
      'Someone else changed the security settings in the meantime. Your changes below were not saved; check them and save again.',
  });
});
