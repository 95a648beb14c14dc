/**
 * The user-facing text of the allowed-IP and OTP-excluded-IP pages, kept in
 * one place so the wording stays consistent and can be reviewed together.
 * Every message about an entry quotes the entry as the admin typed it.
 */

const QUOTE_LIMIT = 60;

/** Quotes an entry for a message, shortening text too long to be useful. */
export function quoteEntry(text: string): string {
  const shown =
    text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text;
  return `"${shown}"`;
}

export const ipMessages = {
  empty: () =>
    'The entry is empty; enter an IPv4 or IPv6 address or CIDR range',
  malformed: (text: string) =>
    `${quoteEntry(text)} is not an IPv4 or IPv6 address or CIDR range`,
  zoneId: (text: string, zoneId: string) =>
    `${quoteEntry(text)} names a network interface (${zoneId}); ` +
    'enter the address without it',
  leadingZero: (text: string) =>
    `${quoteEntry(text)} has a number with a leading zero, which some ` +
    'systems read as octal; write it without leading zeros',
  prefixOutOfRange: (text: string, prefix: number, family: 4 | 6) =>
    `${quoteEntry(text)} has a prefix length of ${prefix}; an IPv${family} ` +
    `range allows /0 to /${family === 4 ? 32 : 128}`,
  hostBits: (text: string, network: string) =>
    `${quoteEntry(text)} has host bits set; did you mean ${network}?`,
  hostBitsPolicy: () =>
    'A CIDR range must be written with its network address, for example ' +
    '10.0.0.0/8 rather than 10.1.2.3/8.',
  tooManyEntries: (text: string, position: number, limit: number) =>
    `${quoteEntry(text)} is entry ${position}; a list holds at most ` +
    `${limit} entries`,
  sameEntryTwice: (text: string, firstPosition: number) =>
    `${quoteEntry(text)} repeats entry ${firstPosition}`,
  sameEntryAs: (text: string, first: string, firstPosition: number) =>
    `${quoteEntry(text)} is the same as ${quoteEntry(first)} ` +
    `(entry ${firstPosition})`,
  labelTooLong: (text: string, limit: number) =>
    `The label of ${quoteEntry(text)} is longer than ${limit} characters`,
};
