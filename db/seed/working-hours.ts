/** One hour of the history as the company's people lived it. */
export interface HourSlot {
  start: number;
  end: number;
  /** Relative amount of activity in this hour. */
  weight: number;
  /** Local calendar date, e.g. '2026-03-09', for per-day variation. */
  localDate: string;
  /** A weekday between 08:00 and 19:00 local time. */
  officeHours: boolean;
}

// Activity by local hour: a quiet night, a morning sign-in peak, a lunch dip
// and a tail of evening work.
const hourWeights = [
  0.02, 0.01, 0.01, 0.01, 0.01, 0.02, 0.05, 0.2, 0.75, 1, 0.95, 0.9, 0.45, 0.8,
  0.9, 0.85, 0.8, 0.7, 0.4, 0.2, 0.12, 0.08, 0.05, 0.03,
];

const weekdayWeights: Record<string, number> = {
  Mon: 1.05,
  Tue: 1,
  Wed: 1,
  Thu: 1,
  Fri: 0.9,
  Sat: 0.12,
  Sun: 0.08,
};

const hourMs = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function localTime(instant: number, timeZone: string) {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    parts[part.type] = part.value;
  }
  return {
    hour: Number(parts.hour),
    weekday: parts.weekday ?? 'Mon',
    date: `${parts.year}-${parts.month}-${parts.day}`,
  };
}

/**
 * Cuts [start, end) into UTC hours and weighs each by the local hour and
 * weekday in the given time zone, so that a Seoul company is busy while
 * Berlin sleeps. The first and last slots are weighed by the part covered.
 */
export function hourSlots(
  start: Date,
  end: Date,
  timeZone: string,
): HourSlot[] {
  const slots: HourSlot[] = [];
  const first = Math.floor(start.getTime() / hourMs) * hourMs;

  for (let hour = first; hour < end.getTime(); hour += hourMs) {
    const slotStart = Math.max(hour, start.getTime());
    const slotEnd = Math.min(hour + hourMs, end.getTime());
    const local = localTime(hour, timeZone);
    const weekday = weekdayWeights[local.weekday] ?? 1;
    const isWorkday = weekday > 0.5;
    slots.push({
      start: slotStart,
      end: slotEnd,
      weight:
        (hourWeights[local.hour] ?? 0) *
        weekday *
        ((slotEnd - slotStart) / hourMs),
      localDate: local.date,
      officeHours: isWorkday && local.hour >= 8 && local.hour < 19,
    });
  }
  return slots;
}
