import { civilToday, parentSources, type RequestContext } from "@contagem/schema";
import { Arg, Ctx, Directive, Field, FieldResolver, Int, Mutation, ObjectType, Resolver, Root } from "type-graphql";
import { Council } from "../councils/council.type";
import { LegalAct } from "../legal-acts/legal-act.type";
import {
  councilById,
  legalActById,
  mandatesBySeat,
  organizationById,
  personById,
  seatById,
  seatsByTerm,
  termById,
  territoryById,
} from "../loaders";
import { Organization, PublicPerson } from "../people/people.type";
import { Territory } from "../territories/territory.type";
import { AppointMandateInput, EndMandateInput, OpenTermInput } from "./composition.inputs";
import { appointMandate, endMandate, openTerm } from "./composition.service";
import { Mandate, Seat, SeatRule, Term } from "./composition.type";
import type { MandateEntity } from "./mandate.entity";
import type { SeatRuleEntity } from "./seat-rule.entity";
import type { SeatEntity } from "./seat.entity";
import type { TermEntity } from "./term.entity";

@ObjectType({ description: "The result of `openTerm`." })
export class OpenTermPayload {
  @Field(() => Term, { description: "The term just opened, with its seats." })
  term: TermEntity;
}

@ObjectType({ description: "The result of `appointMandate`." })
export class AppointMandatePayload {
  @Field(() => Mandate, { description: "The mandate just created." })
  mandate: MandateEntity;
}

@ObjectType({ description: "The result of `endMandate`." })
export class EndMandatePayload {
  @Field(() => Mandate, { description: "The mandate as ended, with `endsOn` and `endReason` set." })
  mandate: MandateEntity;
}

@Resolver(() => SeatRule)
export class SeatRuleResolver {
  @FieldResolver(() => Int, { description: "How many full-member (titular) seats the law gives this sector or segment; each term opens one seat per place." })
  fullMemberSeats(@Root() rule: SeatRuleEntity): number {
    return rule.titulares;
  }

  @FieldResolver(() => Int, { description: "How many alternate (suplente) places the law gives this sector or segment, 0 when none." })
  alternateSeats(@Root() rule: SeatRuleEntity): number {
    return rule.suplentes;
  }

  @FieldResolver()
  sources(@Root() rule: SeatRuleEntity, @Ctx() ctx: RequestContext) {
    return parentSources(ctx, councilById, rule.council.id);
  }
}

/** A mandate runs until the end of its last day (`endsOn`, inclusive, as attendance reads it), in Contagem. */
const runsOn = (day: string) => (m: MandateEntity) => !m.endsOn || m.endsOn >= day;

@Resolver(() => Term)
export class TermResolver {
  @FieldResolver(() => Council, { description: "The council this term belongs to." })
  council(@Root() term: TermEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(councilById).load(term.council.id);
  }

  @FieldResolver(() => [Seat], { description: "The term's seats, in order, filled or not." })
  seats(@Root() term: TermEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(seatsByTerm).load(term.id);
  }

  @FieldResolver(() => LegalAct, { nullable: true, description: "The act (decree, ordinance) that appointed the term's members; null when not on record." })
  appointmentAct(@Root() term: TermEntity, @Ctx() ctx: RequestContext) {
    return term.appointmentAct ? ctx.loaders.get(legalActById).load(term.appointmentAct.id) : null;
  }

  @Directive('@requiresScopes(scopes: [["ADMIN"], ["SECRETARY"]])')
  @Mutation(() => OpenTermPayload, { description: "Opens a council's term and its seats (ADMIN, or a SECRETARY of the council)." })
  async openTerm(@Arg("input") input: OpenTermInput, @Ctx() ctx: RequestContext) {
    return { term: await openTerm(ctx, input) };
  }
}

@Resolver(() => Seat)
export class SeatResolver {
  @FieldResolver(() => Term, { description: "The term this seat belongs to." })
  term(@Root() seat: SeatEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(termById).load(seat.term.id);
  }

  @FieldResolver()
  sources(@Root() seat: SeatEntity, @Ctx() ctx: RequestContext) {
    return parentSources(ctx, termById, seat.term.id);
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The organization the seat belongs to, if any." })
  organization(@Root() seat: SeatEntity, @Ctx() ctx: RequestContext) {
    return seat.organization ? ctx.loaders.get(organizationById).load(seat.organization.id) : null;
  }

  @FieldResolver(() => Territory, { nullable: true, description: "The territory the seat represents, if any." })
  territory(@Root() seat: SeatEntity, @Ctx() ctx: RequestContext) {
    return seat.territory ? ctx.loaders.get(territoryById).load(seat.territory.id) : null;
  }

  @FieldResolver(() => [Mandate], { description: "Mandates in this seat; unless `includeEnded`, only those not ended before today in Contagem (America/Sao_Paulo)." })
  async mandates(
    @Root() seat: SeatEntity,
    @Arg("includeEnded", () => Boolean, { defaultValue: false, description: "True to list mandates that ended before today as well (the seat's whole history in the term)." }) includeEnded: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    const mandates = await ctx.loaders.get(mandatesBySeat).load(seat.id);
    return includeEnded ? mandates : mandates.filter(runsOn(civilToday()));
  }
}

@Resolver(() => Mandate)
export class MandateResolver {
  @FieldResolver(() => Seat, { description: "The seat (post) this mandate fills, in its term: sector, segment and organisation." })
  seat(@Root() mandate: MandateEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(seatById).load(mandate.seat.id);
  }

  @FieldResolver(() => PublicPerson, { description: "The person holding the seat (public profile: the name as the act writes it)." })
  person(@Root() mandate: MandateEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(personById).load(mandate.person.id);
  }

  @FieldResolver(() => Council, { description: "The council, through the seat's term." })
  async council(@Root() mandate: MandateEntity, @Ctx() ctx: RequestContext) {
    const seat = await ctx.loaders.get(seatById).load(mandate.seat.id);
    const term = seat && (await ctx.loaders.get(termById).load(seat.term.id));
    return term && ctx.loaders.get(councilById).load(term.council.id);
  }

  @Directive('@requiresScopes(scopes: [["ADMIN"], ["SECRETARY"]])')
  @Mutation(() => AppointMandatePayload, { description: "Appoints a person to a seat as full member (titular) or alternate (suplente) (ADMIN, or a SECRETARY of the council)." })
  async appointMandate(@Arg("input") input: AppointMandateInput, @Ctx() ctx: RequestContext) {
    return { mandate: await appointMandate(ctx, input) };
  }

  @Directive('@requiresScopes(scopes: [["ADMIN"], ["SECRETARY"]])')
  @Mutation(() => EndMandatePayload, { description: "Ends a mandate (ADMIN, or a SECRETARY of the council)." })
  async endMandate(@Arg("input") input: EndMandateInput, @Ctx() ctx: RequestContext) {
    return { mandate: await endMandate(ctx, input) };
  }
}
