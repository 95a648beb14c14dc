import { z } from 'zod';
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

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-31')
  .refine(
    (text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)),
    'is not a real date',
  )
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
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: 'must not be before the start date',
    path: ['to'],
  });

export type AuditFilters = z.infer<typeof auditFiltersSchema>;

/** Filters with nothing chosen: the whole viewing window. */
export const noFilters: AuditFilters = auditFiltersSchema.parse({});
