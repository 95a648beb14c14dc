import { z } from 'zod';
import { isCalendarDay } from '../calendar-day.js';
import {
  activityTypes,
  auditEvents,
  codesOf,
  informationTypes,
} from './catalogue.js';

const list = <T extends string>(codes: [T, ...T[]]) =>
  z
    .union([z.enum(codes), z.array(z.enum(codes))])
    .optional()
    .transform((value) => (value === undefined ? [] : [value].flat()));

const ids = z
  .union([z.string().uuid(), z.array(z.string().uuid())])
  .optional()
  .transform((value) => (value === undefined ? [] : [value].flat()));

// Years before 1970 are nonsense for audit events.
const isRealDay = (text: string) => isCalendarDay(text, 1970);

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-31')
  .refine(isRealDay, 'is not a real date between 1970 and 9999')
  .optional()
  .or(z.literal('').transform(() => undefined));

/**
 * The audit filters as the viewer's query string and the export request
 * carry them. Multi-selects accept one value or many.
 */
export const auditFiltersSchema = z
  .object({
    activityType: list(codesOf(activityTypes) as [string, ...string[]]),
    event: list(codesOf(auditEvents) as [string, ...string[]]),
    informationType: list(codesOf(informationTypes) as [string, ...string[]]),
    member: ids,
    organization: ids,
    from: day,
    to: day,
    // The device cookie's id, as the "one device, many accounts" view links it.
    deviceId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a device id')
      .optional()
      .or(z.literal('').transform(() => undefined)),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: 'must not be before the start date',
    path: ['to'],
  });

export type AuditFilters = z.infer<typeof auditFiltersSchema>;

/** Filters with nothing chosen: the whole viewing window. */
export const noFilters: AuditFilters = auditFiltersSchema.parse({});
