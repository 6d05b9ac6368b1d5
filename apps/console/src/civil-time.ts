import { Temporal } from "temporal-polyfill";

/**
 * Contagem's civil time (America/Sao_Paulo, the API's CIVIL_TIME_ZONE default): a secretary types the wall-clock time
 * of the meeting; the API takes an instant. Converting with the zone's rules, not the browser's zone, keeps a
 * secretary on a laptop set to UTC from scheduling a meeting three hours off.
 */
export const CIVIL_TIME_ZONE = "America/Sao_Paulo";

/** `2026-12-10T14:00` (an `<input type="datetime-local">` value) → `2026-12-10T17:00:00Z`; null when not a date-time. */
export function civilToInstant(local: string, zone = CIVIL_TIME_ZONE): string | null {
  try {
    return Temporal.PlainDateTime.from(local, { overflow: "reject" }).toZonedDateTime(zone, { disambiguation: "compatible" }).toInstant().toString();
  } catch {
    return null;
  }
}

/** An instant shown as Contagem's wall clock, in Portuguese: `10/12/2026, 14:00`. */
export function showCivil(instant: string, zone = CIVIL_TIME_ZONE): string {
  return new Intl.DateTimeFormat("pt-BR", { timeZone: zone, dateStyle: "short", timeStyle: "short" }).format(new Date(instant));
}

/** The civil date in Contagem of an instant: `2026-12-10T02:00:00Z` → `2026-12-09`. */
export function civilDateOf(instant: string, zone = CIVIL_TIME_ZONE): string {
  return Temporal.Instant.from(instant).toZonedDateTimeISO(zone).toPlainDate().toString();
}

/** An instant as the value of an `<input type="datetime-local">` in Contagem's time: `2026-12-10T14:00`. */
export function instantToCivil(instant: string, zone = CIVIL_TIME_ZONE): string {
  return Temporal.Instant.from(instant).toZonedDateTimeISO(zone).toPlainDateTime().toString({ smallestUnit: "minute" });
}

/** A civil date (`2026-12-10`) in Portuguese: `10/12/2026`. */
export function showDate(date: string): string {
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}
