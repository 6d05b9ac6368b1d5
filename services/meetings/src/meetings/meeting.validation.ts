import { badInput, httpUrlProblem, parseId, StringLimit, type PlaceEmbeddable } from "@contagem/schema";
import type { AgendaItemInput } from "./meeting.inputs";
import { AgendaItemKind, Modality } from "./meeting.enums";

export function checkText(value: string, field: string, min = 1, max = 500): string {
  const text = value.trim();
  if (text.length < min || text.length > max) throw badInput(field, `"${field}" must have ${min} to ${max} characters.`);
  return text;
}

export function checkUrl(value: string | null | undefined, field: string, limit: number = StringLimit.DEFAULT): string | null {
  if (value == null || value === "") return null;
  const problem = httpUrlProblem(value.trim(), limit);
  if (problem) throw badInput(field, `"${field}" ${problem}`);
  return value.trim();
}

/** In person needs a place (the call's words or a structured location), online a link, hybrid both. */
export function checkVenue(modality: Modality, place: string | null | undefined, onlineUrl: string | null | undefined, location?: PlaceEmbeddable | null): void {
  if (modality !== Modality.ONLINE && !place?.trim() && !location) throw badInput("place", `A ${modality} meeting needs a "place" or a "location".`);
  if (modality !== Modality.IN_PERSON && !onlineUrl) throw badInput("onlineUrl", `A ${modality} meeting needs an "onlineUrl".`);
}

export function checkTimes(startsAt: Date, endsAt: Date | null | undefined): void {
  if (Number.isNaN(startsAt.getTime())) throw badInput("startsAt", '"startsAt" is not a valid time.');
  if (endsAt && endsAt <= startsAt) throw badInput("endsAt", '"endsAt" must be after "startsAt".');
}

export interface CheckedAgendaItem {
  position: number;
  kind: AgendaItemKind;
  title: string;
  description: string | null;
  minutesId: number | null;
}

/** `minutesFor` decides whether an item may name those minutes (see agenda-minutes.ts). */
export function checkAgenda(agenda: AgendaItemInput[], minutesFor: (field: string, id: number) => void): CheckedAgendaItem[] {
  if (agenda.length > 100) throw badInput("agenda", "An agenda has at most 100 items.");
  return agenda.map((item, i) => {
    const field = `agenda[${i}].minutesId`;
    const minutesId = item.minutesId == null ? null : parseId(item.minutesId, field);
    if (minutesId !== null) {
      if (item.kind !== AgendaItemKind.APPROVAL_OF_MINUTES) throw badInput(field, "Only an APPROVAL_OF_MINUTES item names minutes.");
      minutesFor(field, minutesId);
    }
    return {
      position: i + 1,
      kind: item.kind,
      title: checkText(item.title, `agenda[${i}].title`, 1, 500),
      description: item.description?.trim() || null,
      minutesId,
    };
  });
}
