/** Small Handlebars helpers the pages use; none of them builds HTML. */
export const viewHelpers = {
  eq: (a: unknown, b: unknown) => a === b,
  // Handlebars passes its options object last; it is not a value.
  or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
  json: (value: unknown) => JSON.stringify(value),
  date: (value: unknown) =>
    value instanceof Date
      ? value.toISOString().replace('T', ' ').slice(0, 16) + ' UTC'
      : '',
  plural: (count: number, one: string, many: string) =>
    count === 1 ? one : many,
};
