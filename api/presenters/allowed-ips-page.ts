import type { Request, Response } from 'express';
import { HOST_BITS_POLICY } from '../../core/ip/ip-entry.js';
import { MAX_IP_LIST_ENTRIES } from '../../core/ip/ip-list.js';
import {
  ipScopeLabels,
  ipScopes,
  type IpSettings,
} from '../../core/ip-policy/ip-settings.js';
import type { FormRow } from '../routes/allowed-ips-form.js';

/** What the allowed-IP page shows: stored or submitted rows and messages. */
export interface PageState {
  settings: IpSettings;
  rows: FormRow[];
  version: number;
  status?: number;
  newEntry?: string;
  newLabel?: string;
  errors?: Record<string, string>;
  notice?: string;
  failure?: string;
  lockout?: boolean;
}

/** Renders the allowed-IP page with plain values only. */
export function renderAllowedIps(
  req: Request,
  res: Response,
  state: PageState,
): void {
  const unsaved = state.rows.filter(
    (row) => row.state === 'new' || row.remove,
  ).length;
  res.status(state.status ?? 200).render('allowed-ips', {
    title: 'Allowed access IPs',
    currentIp: req.context.ip ?? 'unknown',
    settings: state.settings,
    scopes: ipScopes.map((value) => ({
      value,
      label: ipScopeLabels[value],
      checked: state.settings.scope === value,
    })),
    rows: state.rows.map((row, position) => ({
      ...row,
      position: position + 1,
      unsaved: row.state === 'new',
    })),
    nextIndex: Math.max(-1, ...state.rows.map((row) => row.index)) + 1,
    count: state.rows.filter((row) => !row.remove).length,
    limit: MAX_IP_LIST_ENTRIES,
    hostBitsPolicy: HOST_BITS_POLICY.explanation,
    version: state.version,
    unsaved,
    newEntry: state.newEntry ?? '',
    newLabel: state.newLabel ?? '',
    errors: state.errors ?? {},
    notice: state.notice,
    failure: state.failure,
    lockout: state.lockout ?? false,
  });
}
