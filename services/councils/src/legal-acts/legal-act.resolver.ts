import type { RequestContext } from "@contagem/schema";
import { Arg, Ctx, Directive, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from "type-graphql";
import { LegalActEntity } from "./legal-act.entity";
import { LegalActKind } from "./legal-act.enums";
import { RecordLegalActPublicationInput } from "./legal-act.inputs";
import { recordLegalActPublication } from "./legal-act.service";
import { LegalAct } from "./legal-act.type";

@ObjectType({ description: "The act, with its gazette publication." })
export class RecordLegalActPublicationPayload {
  @Field(() => LegalAct)
  legalAct: LegalActEntity;
}

const CITATION: Record<LegalActKind, string> = {
  LAW: "Lei",
  COMPLEMENTARY_LAW: "Lei Complementar",
  DECREE: "Decreto",
  ORDINANCE: "Portaria",
  RESOLUTION: "Resolução",
  NOTICE: "Edital",
  BILL: "PL",
};

export const citationOf = (act: Pick<LegalActEntity, "kind" | "number" | "year">): string =>
  `${CITATION[act.kind]} ${act.number}/${act.year}`;

@Resolver(() => LegalAct)
export class LegalActResolver {
  @FieldResolver(() => String)
  citation(@Root() act: LegalActEntity): string {
    return citationOf(act);
  }

  @Directive('@requiresScopes(scopes: [["ADMIN"]])')
  @Mutation(() => RecordLegalActPublicationPayload, { description: "Records the official gazette edition, pages and date that published an act (ADMIN)." })
  async recordLegalActPublication(@Arg("input") input: RecordLegalActPublicationInput, @Ctx() ctx: RequestContext) {
    return { legalAct: await recordLegalActPublication(ctx, input) };
  }
}
