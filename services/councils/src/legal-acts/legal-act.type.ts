import { DateScalar, NodeType, Source, OwnSources } from "@contagem/schema";
import { Field, Int, ObjectType } from "type-graphql";
import { LegalActKind } from "./legal-act.enums";

@ObjectType("LegalAct", { description: "An official act (law, decree, ordinance, notice) and its gazette publication." })
export class LegalAct extends NodeType {
  @Field(() => LegalActKind, { description: "Kind of act (law, decree, ordinance, notice…), as the gazette classifies it." })
  kind: LegalActKind;

  @Field({ description: "Number as the act or its source writes it, e.g. `4.179`, `Conjunta 50`, `PL 19/2025`." })
  number: string;

  @Field(() => Int, { description: "Year of the act (of `date` when known)." })
  year: number;

  @Field({ description: "Citation as the city writes it, e.g. `Lei 4.179/2008`." })
  citation: string;

  @Field(() => DateScalar, { nullable: true, description: "Date of the act; null when the sources give only its year or month." })
  date?: string | null;

  @Field(() => String, { nullable: true, description: "Its title or summary (ementa) as published; null when no source gives it." })
  title?: string | null;

  @Field(() => Int, { nullable: true, description: "Edition of the Diário Oficial de Contagem (DOC) that published it." })
  gazetteEdition?: number | null;

  @Field(() => String, { nullable: true, description: "Pages in that edition, e.g. `14-16`." })
  gazettePages?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Date of the Diário Oficial de Contagem edition that published it (YYYY-MM-DD); null when not on record." })
  gazetteDate?: string | null;

  @Field(() => String, { nullable: true, description: "Where the act's text can be read, when a source gives one (absolute URL)." })
  url?: string | null;

  @OwnSources()
  sources: Source[];

  @Field(() => Int, { description: "Changes with every update: send it back as `expectedVersion` to recordLegalActPublication." })
  version: number;
}
