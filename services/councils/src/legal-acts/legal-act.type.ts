import { DateScalar, NodeType } from "@contagem/schema";
import { Field, Int, ObjectType } from "type-graphql";
import { LegalActKind } from "./legal-act.enums";

@ObjectType("LegalAct", { description: "An official act (law, decree, ordinance, notice) and its gazette publication." })
export class LegalAct extends NodeType {
  @Field(() => LegalActKind)
  kind: LegalActKind;

  @Field({ description: "Number as the act writes it, e.g. `4.179`." })
  number: string;

  @Field(() => Int)
  year: number;

  @Field({ description: "Citation as the city writes it, e.g. `Lei 4.179/2008`." })
  citation: string;

  @Field(() => DateScalar, { nullable: true })
  date?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => Int, { nullable: true, description: "Edition of the Diário Oficial de Contagem (DOC) that published it." })
  gazetteEdition?: number | null;

  @Field(() => String, { nullable: true, description: "Pages in that edition, e.g. `14-16`." })
  gazettePages?: string | null;

  @Field(() => DateScalar, { nullable: true })
  gazetteDate?: string | null;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => Int, { description: "Changes with every update: send it back as `expectedVersion` to recordLegalActPublication." })
  version: number;
}
