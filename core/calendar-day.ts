/**
 * True for a real calendar day written YYYY-MM-DD from minYear on.
 * Date.parse rolls 2026-02-30 over to March, so a real day is one that
 * survives the round trip unchanged.
 */
export function isCalendarDay(text: string, minYear = 1900): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return (
    !Number.isNaN(parsed.getTime()) &&
    parsed.toISOString().slice(0, 10) === text &&
    parsed.getUTCFullYear() >= minYear
  );
}
