import type { Response } from 'express';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';

/** A new password typed twice. */
export const newPasswordSchema = z
  .object({
    password: z.string().min(1, 'Enter a new password.').max(4096),
    confirm: z.string(),
  })
  .refine((form) => form.password === form.confirm, {
    path: ['confirm'],
    message: 'The two passwords are not the same.',
  });

/** Pages a signed-out visitor sees use the public layout. */
export const publicPage = { layout: 'public' };

/**
 * Runs a password-setting action and re-renders the form with the field
 * messages when the password is refused; other errors go to the handler.
 * Answers whether the action succeeded.
 */
export async function withFormErrors(
  res: Response,
  view: string,
  locals: Record<string, unknown>,
  action: () => Promise<void>,
): Promise<boolean> {
  try {
    await action();
    return true;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation') {
      throw error;
    }
    res.status(400).render(view, { ...locals, errors: error.fields });
    return false;
  }
}
