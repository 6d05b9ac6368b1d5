import { Directive, Field, Float, Int, ObjectType } from "type-graphql";
import { NodeType, Source, OwnSources } from "@contagem/schema";
import { TerritoryScheme } from "./territory.enums";

@ObjectType("Territory", {
  description: "A territory of Contagem in one of its grids: the 8 administrative regions, health districts, …",
})
@Directive('@key(fields: "id")')
export class Territory extends NodeType {
  @Field(() => TerritoryScheme, { description: "The grid this territory belongs to." })
  scheme: TerritoryScheme;

  @Field({ description: "Stable code within its scheme, e.g. `VARGEM_DAS_FLORES`." })
  code: string;

  @Field({ description: "Name as the city writes it, e.g. `Vargem das Flores`." })
  name: string;

  @Field(() => Int, { nullable: true, description: "Population, where a public source gives it (see populationSource)." })
  population?: number | null;

  @Field(() => String, { nullable: true, description: "Where `population` comes from, e.g. `Censo 2022 do IBGE`; null when there is no figure." })
  populationSource?: string | null;

  @Field(() => Float, { nullable: true, description: "Area in square kilometres, where known." })
  areaKm2?: number | null;

  @OwnSources()
  sources: Source[];

  @Field(() => Int, { description: "Changes with every update: send it back as `expectedVersion` to updateTerritory." })
  version: number;
}
