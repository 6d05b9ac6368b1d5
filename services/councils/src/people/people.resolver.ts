import type { RequestContext } from "@contagem/schema";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Mandate } from "../composition/composition.type";
import { mandatesByPerson } from "../loaders";
import type { PublicPersonEntity } from "./public-person.entity";
import { PublicPerson } from "./people.type";

@Resolver(() => PublicPerson)
export class PublicPersonResolver {
  @FieldResolver(() => [Mandate], { description: "Mandates this person holds or held, newest first (public function)." })
  mandates(@Root() person: PublicPersonEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get(mandatesByPerson).load(person.id);
  }
}
