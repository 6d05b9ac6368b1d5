import { sourcesOfAll, type RequestContext } from "@contagem/schema";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Mandate } from "../composition/composition.type";
import { Council } from "../councils/council.type";
import { councilsBoundTo, mandatesByPerson } from "../loaders";
import type { OrganizationEntity } from "./organization.entity";
import type { PublicPersonEntity } from "./public-person.entity";
import { Organization, PublicPerson } from "./people.type";

@Resolver(() => PublicPerson)
export class PublicPersonResolver {
  @FieldResolver(() => [Mandate], { description: "Mandates this person holds or held, newest first (public function)." })
  mandates(@Root() person: PublicPersonEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(mandatesByPerson).load(person.id);
  }

  @FieldResolver()
  async sources(@Root() person: PublicPersonEntity, @Ctx() ctx: RequestContext) {
    return sourcesOfAll(await ctx.loaders.get(mandatesByPerson).load(person.id));
  }
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => [Council], { description: "Councils bound to this body (e.g. the Education Secretariat's), by name." })
  boundCouncils(@Root() organization: OrganizationEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(councilsBoundTo).load(organization.id);
  }
}
