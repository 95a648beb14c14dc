/**
 * The catalogue of errors that reach users. Each has a stable code, an HTTP
 * status and a message that is safe to show; anything else is an internal
 * error, logged in full and shown as a generic page.
 */
export const errorCatalogue = {
  validation: { status: 400, message: 'Some fields need attention.' },
  csrf: {
    status: 403,
    message: 'This form has expired. Reload the page and try again.',
  },
  unauthenticated: { status: 401, message: 'Please sign in to continue.' },
  forbidden: {
    status: 403,
    message: 'You do not have permission to open this page.',
  },
  notFound: { status: 404, message: 'This page does not exist.' },
  conflict: {
    status: 409,
    message: 'Someone else changed this in the meantime. Reload and try again.',
  },
  tooManyRequests: { status: 429, message: 'Too many requests.' },
  ipNotAllowed: {
    status: 403,
    message: 'Access from this IP address is not allowed.',
  },
  gone: { status: 410, message: 'This link has expired.' },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

/** Field name to message, for forms and JSON answers. */
export type FieldErrors = Record<string, string>;

/** An error whose code, status and message may be shown to the user. */
export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields: FieldErrors = {},
  ) {
    super(message ?? errorCatalogue[code].message);
    this.status = errorCatalogue[code].status;
  }
}

/** Shorthand for a 400 naming the offending fields. */
export function validationError(fields: FieldErrors): AppError {
  return new AppError('validation', undefined, fields);
}
