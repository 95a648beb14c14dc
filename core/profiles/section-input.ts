import { z } from 'zod';
import { isCalendarDay } from '../calendar-day.js';
import {
  editableFields,
  type FieldKind,
  type ProfileSection,
} from './sections.js';

/** A parsed edit: null clears a field, undefined leaves it as it is. */
export type SectionInput = Record<
  string,
  string | number | boolean | null | undefined
>;

const blank = (text: string) => text.trim() === '';

const kinds: Record<
  FieldKind,
  z.ZodType<string | number | boolean | null, string>
> = {
  text: z
    .string()
    .max(500, 'must be at most 500 characters')
    .transform((text) => (blank(text) ? null : text.trim())),
  date: z
    .string()
    .trim()
    .refine(
      (text) => blank(text) || isCalendarDay(text),
      'must be a date like 2026-01-31',
    )
    .transform((text) => (blank(text) ? null : text)),
  decimal: z
    .string()
    .trim()
    .refine(
      (text) => blank(text) || /^\d{1,12}(\.\d{1,2})?$/.test(text),
      'must be a number like 1234.50',
    )
    .transform((text) => (blank(text) ? null : text)),
  integer: z
    .string()
    .trim()
    .refine(
      (text) => blank(text) || /^\d{1,3}$/.test(text),
      'must be a whole number',
    )
    .transform((text) => (blank(text) ? null : Number(text))),
  boolean: z
    .enum(['', 'true', 'false'], 'must be yes, no or empty')
    .transform((text) => (text === '' ? null : text === 'true')),
};

/**
 * The schema of a section's edit form. A masked field left empty keeps its
 * value (the form never shows it); other empty fields clear the value.
 */
export function sectionInputSchema(section: ProfileSection) {
  const shape: Record<
    string,
    z.ZodType<string | number | boolean | null | undefined>
  > = {};
  for (const field of editableFields(section)) {
    const base = kinds[field.kind];
    shape[field.key] = field.masked
      ? z
          .string()
          .optional()
          .transform((text, ctx) => {
            if (text === undefined || blank(text)) return undefined;
            const parsed = base.safeParse(text);
            if (parsed.success) return parsed.data;
            for (const issue of parsed.error.issues)
              ctx.addIssue({ code: 'custom', message: issue.message });
            return z.NEVER;
          })
      : z.string().default('').pipe(base);
  }
  return z.object(shape) as z.ZodType<SectionInput>;
}
