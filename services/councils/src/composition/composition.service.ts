import { badInput, conflict, findOrBadInput, loadForWrite, parseId, replaceSources, sourcesInput, write, type RequestContext } from "@contagem/schema";
import type { EntityManager } from "@mikro-orm/postgresql";
import { CouncilEntity } from "../councils/council.entity";
import { canManageComposition, canOpenTerm } from "../councils/council.policy";
import { LegalActEntity } from "../legal-acts/legal-act.entity";
import { OrganizationEntity } from "../people/organization.entity";
import { PublicPersonEntity } from "../people/public-person.entity";
import { TerritoryEntity } from "../territories/territory.entity";
import type { AppointMandateInput, EndMandateInput, OpenTermInput, SeatInput } from "./composition.inputs";
import { MandateEntity } from "./mandate.entity";
import { SeatRuleEntity } from "./seat-rule.entity";
import { SeatEntity } from "./seat.entity";
import { requireTermLength } from "./term-length";
import { TermEntity } from "./term.entity";

const DENIED = "Only ADMIN or a SECRETARY of this council may change its composition.";

export function openTerm(ctx: RequestContext, input: OpenTermInput): Promise<TermEntity> {
  return write(ctx, {
    action: "term.open",
    entityType: "Term",
    entity: TermEntity,
    input,
    locate: async (em) => ({ council: await findOrBadInput(em, CouncilEntity, input.councilId, "councilId") }),
    allow: (viewer, { council }) => canOpenTerm(viewer, council, input.termLengthOverrideReason != null),
    denied: "Only ADMIN or a SECRETARY of this council may open its terms, and only ADMIN may let one run longer than the council's rule.",
    run: async (em, located) => {
      const council = located.council as CouncilEntity;
      if (input.endsOn <= input.startsOn) throw badInput("endsOn", '"endsOn" must be after "startsOn".');
      const override = input.termLengthOverrideReason?.trim() || null;
      if (input.termLengthOverrideReason != null && (!override || override.length < 3 || override.length > 2000)) {
        throw badInput("termLengthOverrideReason", '"termLengthOverrideReason" must have 3 to 2,000 characters.');
      }
      requireTermLength(input.startsOn, input.endsOn, council.rules.termLengthYears, override !== null);
      const overlapping = await em.count(TermEntity, {
        council,
        startsOn: { $lte: input.endsOn },
        endsOn: { $gte: input.startsOn },
      });
      if (overlapping) throw conflict("The council already has a term overlapping these dates.");
      const seats = input.seats ?? (await seatsFromRules(em, council));
      if (seats.length === 0) throw badInput("seats", "The council has no seat rules: list the term's seats in `seats`.");
      const term = em.create(TermEntity, {
        council,
        label: input.label?.trim() || `Gestão ${input.startsOn.slice(0, 4)}-${input.endsOn.slice(0, 4)}`,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        appointmentAct: input.appointmentActId
          ? await findOrBadInput(em, LegalActEntity, input.appointmentActId, "appointmentActId")
          : null,
        lengthOverrideReason: override,
        sources: sourcesInput(input.sources) ?? [],
      });
      let position = 0;
      for (const seat of seats) {
        em.create(SeatEntity, {
          term,
          position: ++position,
          sector: seat.sector,
          segment: seat.segment ?? null,
          organization: seat.organizationId
            ? await findOrBadInput(em, OrganizationEntity, seat.organizationId, "seats.organizationId")
            : null,
          territory: seat.territoryId ? await findOrBadInput(em, TerritoryEntity, seat.territoryId, "seats.territoryId") : null,
        });
      }
      return term;
    },
  });
}

async function seatsFromRules(em: EntityManager, council: CouncilEntity): Promise<SeatInput[]> {
  const rules = await em.find(SeatRuleEntity, { council }, { orderBy: { id: "asc" } });
  return rules.flatMap((rule) => Array.from({ length: rule.titulares }, () => ({ sector: rule.sector, segment: rule.segment })));
}

/** The council a seat belongs to, through its term. */
async function councilOfSeat(em: EntityManager, seat: SeatEntity): Promise<CouncilEntity> {
  const term = await em.findOneOrFail(TermEntity, { id: seat.term.id });
  return em.findOneOrFail(CouncilEntity, { id: term.council.id });
}

export function appointMandate(ctx: RequestContext, input: AppointMandateInput): Promise<MandateEntity> {
  return write(ctx, {
    action: "mandate.appoint",
    entityType: "Mandate",
    entity: MandateEntity,
    input,
    locate: async (em) => {
      const seat = await findOrBadInput(em, SeatEntity, input.seatId, "seatId");
      return { council: await councilOfSeat(em, seat) };
    },
    allow: (viewer, { council }) => canManageComposition(viewer, council),
    denied: DENIED,
    run: async (em) => {
      const seat = await em.findOneOrFail(SeatEntity, { id: parseId(input.seatId) }, { populate: ["term"] });
      const term = seat.term.getEntity();
      if (input.startsOn < term.startsOn || input.startsOn > term.endsOn) {
        throw badInput("startsOn", `"startsOn" must fall within the term (${term.startsOn} to ${term.endsOn}).`);
      }
      const holder = await em.count(MandateEntity, { seat, role: input.role, endsOn: null });
      if (holder) throw conflict(`The seat already has an active ${input.role}: end that mandate first.`);
      return em.create(MandateEntity, {
        seat,
        person: await personFor(em, input),
        role: input.role,
        boardRole: input.boardRole ?? null,
        startsOn: input.startsOn,
        sources: sourcesInput(input.sources) ?? [],
      });
    },
  });
}

async function personFor(em: EntityManager, input: AppointMandateInput): Promise<PublicPersonEntity> {
  if ((input.personId == null) === (input.personName == null)) {
    throw badInput("personId", 'Give exactly one of "personId" or "personName".');
  }
  if (input.personId != null) return findOrBadInput(em, PublicPersonEntity, input.personId, "personId");
  const name = input.personName!.trim().replace(/\s+/g, " ");
  if (name.length < 3 || name.length > 300) throw badInput("personName", '"personName" must have 3 to 300 characters.');
  return em.create(PublicPersonEntity, { displayName: name });
}

export function endMandate(ctx: RequestContext, input: EndMandateInput): Promise<MandateEntity> {
  return write(ctx, {
    action: "mandate.end",
    entityType: "Mandate",
    entity: MandateEntity,
    input,
    locate: async (em) => {
      const record = await loadForWrite(em, MandateEntity, input.mandateId, "Mandate", "mandateId");
      const seat = await em.findOneOrFail(SeatEntity, { id: record.seat.id });
      return { record, council: await councilOfSeat(em, seat) };
    },
    allow: (viewer, { council }) => canManageComposition(viewer, council),
    denied: DENIED,
    run: async (_em, { record: mandate }) => {
      if (mandate!.endsOn) throw conflict(`The mandate already ended on ${mandate!.endsOn}.`);
      if (input.endsOn < mandate!.startsOn) throw badInput("endsOn", '"endsOn" cannot be before the mandate started.');
      mandate!.endsOn = input.endsOn;
      mandate!.endReason = input.reason;
      replaceSources(mandate!, input.sources);
      return mandate!;
    },
  });
}
