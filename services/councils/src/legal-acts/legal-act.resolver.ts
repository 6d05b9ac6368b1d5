import type { RequestContext } from "@contagem/schema";
import { Arg, Ctx, Directive, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from "type-graphql";
import { LegalActEntity } from "./legal-act.entity";
import { LegalActKind } from "./legal-act.enums";
import { RecordLegalActPublicationInput } from "./legal-act.inputs";
import { recordLegalActPublication } from "./legal-act.service";
import { LegalAct } from "./legal-act.type";

@ObjectType({ description: "The act, with its gazette publication." })
export class RecordLegalActPublicationPayload {
  @Field(() => LegalAct, { description: "The act with its gazette publication recorded." })
  legalAct: LegalActEntity;
}

const CITATION: Record<LegalActKind, string> = {
  LAW: "Lei",
  COMPLEMENTARY_LAW: "Lei Complementar",
  DECREE: "Decreto",
  ORDINANCE: "Portaria",
  RESOLUTION: "Resolução",
  NORMATIVE_DELIBERATION: "Deliberação Normativa",
  NOTICE: "Edital",
  BILL: "PL",
};

/** "Lei 4.179/2008"; a number that already names its kind or year ("PL 19/2025", "CGM 08/2022") is not repeated. */
export function citationOf(act: Pick<LegalActEntity, "kind" | "number" | "year">): string {
  const label = CITATION[act.kind];
  const kind = act.number.startsWith(`${label} `) ? "" : `${label} `;
  const year = new RegExp(`(^|\\D)${act.year}(\\D|$)`).test(act.number) ? "" : `/${act.year}`;
  return `${kind}${act.number}${year}`;
}

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
