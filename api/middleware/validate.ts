import type { z } from 'zod';
import { validationError, type FieldErrors } from '../../core/errors.js';

/** Turns zod issues into one message per field, named by its path. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const name = issue.path.join('.') || 'form';
    fields[name] ??= issue.message;
  }
  return fields;
}

/**
 * Parses input with a route's schema or throws a 400 that names each bad
 * field. Routes that re-render a form catch it and show the fields.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(fieldErrors(result.error));
  return result.data;
}
