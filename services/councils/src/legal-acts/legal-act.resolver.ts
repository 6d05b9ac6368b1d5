import { FieldResolver, Resolver, Root } from "type-graphql";
import { LegalActEntity } from "./legal-act.entity";
import { LegalActKind } from "./legal-act.enums";
import { LegalAct } from "./legal-act.type";

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
}
