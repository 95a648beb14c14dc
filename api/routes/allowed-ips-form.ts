import { z } from 'zod';
import type { IpListError, IpListRow } from '../../core/ip/ip-list.js';
import { ipScopes, type IpSettings } from '../../core/ip-policy/ip-settings.js';

/**
 * The allowed-IP form. Rows are numbered fields (entry_3, label_3, state_3,
 * remove_3) so that rows added in the browser and rows re-rendered by the
 * server keep their entry, label and marks together.
 */
export const allowedIpsSchema = z.looseObject({
  version: z.coerce
    .number()
    .int()
    .min(0, 'The form is out of date; reload the page.'),
  enabled: z.literal('on').optional(),
  scope: z
    .enum(ipScopes, 'Choose where the restriction applies.')
    .default('all'),
  applyToSuperAdmin: z.literal('on').optional(),
  confirmLockout: z.literal('yes').optional(),
  action: z.enum(['add', 'add-current', 'save']).default('save'),
  newEntry: z.string().max(200, 'This entry is too long.').default(''),
  newLabel: z.string().max(200, 'This label is too long.').default(''),
});

export type AllowedIpsForm = z.infer<typeof allowedIpsSchema>;

/** One row as the page shows it. */
export interface FormRow {
  index: number;
  entry: string;
  label: string;
  /** 'new' until the list containing it is saved. */
  state: 'saved' | 'new';
  remove: boolean;
  error?: string;
}

// Far above the 100-entry limit, so the limit's own message is what shows.
const MAX_ROW_INDEX = 1000;

/** Reads the numbered row fields of a submitted form, in index order. */
export function readRows(body: Record<string, unknown>): FormRow[] {
  const rows: FormRow[] = [];
  for (const key of Object.keys(body)) {
    const match = /^entry_(\d{1,4})$/.exec(key);
    if (!match) continue;
    const index = Number(match[1]);
    if (index > MAX_ROW_INDEX) continue;
    const text = (name: string) => {
      const value = body[`${name}_${index}`];
      return typeof value === 'string' ? value.slice(0, 200) : '';
    };
    rows.push({
      index,
      entry: text('entry'),
      label: text('label'),
      state: text('state') === 'saved' ? 'saved' : 'new',
      remove: text('remove') === 'on',
    });
  }
  return rows.sort((a, b) => a.index - b.index);
}

/** The rows to save: not marked for removal and not left blank. */
export function rowsToSave(rows: FormRow[]): FormRow[] {
  return rows.filter((row) => !row.remove && row.entry.trim() !== '');
}

/** The list rows core validates, from the rows to save. */
export function toListRows(rows: FormRow[]): IpListRow[] {
  return rows.map((row) => ({ entry: row.entry, label: row.label }));
}

/** Puts each list error on the row it names. */
export function attachErrors(kept: FormRow[], errors: IpListError[]): void {
  for (const error of errors) {
    const row = kept[error.index];
    if (row) row.error = error.message;
  }
}

/** The switches of a submitted form. */
export function settingsOf(form: AllowedIpsForm): IpSettings {
  return {
    enabled: form.enabled === 'on',
    scope: form.scope,
    applyToSuperAdmin: form.applyToSuperAdmin === 'on',
  };
}
