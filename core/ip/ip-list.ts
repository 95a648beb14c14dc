import { parseIpEntry, type IpEntry } from './ip-entry.js';
import { ipMessages } from './ip-messages.js';

/** The most entries an allowed-IP or OTP-excluded-IP list may hold. */
export const MAX_IP_LIST_ENTRIES = 100;

/** The longest label, in characters, an entry may carry. */
export const MAX_IP_LABEL_LENGTH = 100;

/** One submitted row: the entry as typed and an optional label. */
export interface IpListRow {
  entry: string;
  label?: string | null;
}

/** A valid entry of the list with its label (null when none was given). */
export interface IpListItem extends IpEntry {
  label: string | null;
}

/** A refusal of one row; `index` is the row's 0-based position. */
export interface IpListError {
  index: number;
  message: string;
}

export type IpListResult =
  { ok: true; entries: IpListItem[] } | { ok: false; errors: IpListError[] };

/** Trims a label; too long a label is an error message, not a truncation. */
function readLabel(
  label: string | null | undefined,
  entry: string,
): { label: string | null } | { message: string } {
  const trimmed = (label ?? '').trim();
  if (trimmed === '') return { label: null };

  if ([...trimmed].length > MAX_IP_LABEL_LENGTH) {
    return {
      message: ipMessages.labelTooLong(entry.trim(), MAX_IP_LABEL_LENGTH),
    };
  }
  return { label: trimmed };
}

/**
 * Validates a whole submitted list, a plain string being a row without a
 * label. The list is accepted only when every row is: at most 100 entries,
 * each a valid address or range, none repeating another after
 * canonicalisation (`10.0.0.1` and `10.0.0.1/32` are the same entry). A
 * repeat is refused rather than merged so that the admin sees which spelling
 * is kept and which label goes with it. Errors name rows 1-based in their
 * messages, as the page numbers them, and carry the 0-based index.
 */
export function validateIpList(
  rows: readonly (string | IpListRow)[],
): IpListResult {
  const entries: IpListItem[] = [];
  const errors: IpListError[] = [];
  const firstRowOf = new Map<string, { index: number; typed: string }>();

  rows.forEach((row, index) => {
    const { entry: raw, label } =
      typeof row === 'string' ? { entry: row, label: null } : row;
    const typed = raw.trim();

    if (index >= MAX_IP_LIST_ENTRIES) {
      errors.push({
        index,
        message: ipMessages.tooManyEntries(
          typed,
          index + 1,
          MAX_IP_LIST_ENTRIES,
        ),
      });
      return;
    }

    const labelResult = readLabel(label, raw);
    if ('message' in labelResult) {
      errors.push({ index, message: labelResult.message });
    }

    const parsed = parseIpEntry(raw);
    if (!parsed.ok) {
      errors.push({ index, message: parsed.message });
      return;
    }

    const first = firstRowOf.get(parsed.entry.text);
    if (first !== undefined) {
      const message =
        typed === first.typed
          ? ipMessages.sameEntryTwice(typed, first.index + 1)
          : ipMessages.sameEntryAs(typed, first.typed, first.index + 1);
      errors.push({ index, message });
      return;
    }
    firstRowOf.set(parsed.entry.text, { index, typed });

    if ('label' in labelResult) {
      entries.push({ ...parsed.entry, label: labelResult.label });
    }
  });

  return errors.length === 0 ? { ok: true, entries } : { ok: false, errors };
}
