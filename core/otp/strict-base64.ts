// Buffer.from(text, 'base64') silently skips characters it does not know and
// tolerates missing padding, so a typo or a tampered field could still
// decode to something. Stored values and settings are always canonical.

/**
 * Decodes standard, padded base64, or returns undefined when text is not
 * exactly what encoding the decoded bytes would produce.
 */
export function decodeStrictBase64(text: string): Buffer | undefined {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}
