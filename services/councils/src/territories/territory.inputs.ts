import { Doc, SourceInput, SourcesInputField } from "@contagem/schema";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { TerritoryScheme } from "./territory.enums";

const CODE = "Stable code within the grid: upper-case letters, digits, `_` or `-`, 1 to 64 characters (e.g. `MR_ELDORADO_03`); unique in its grid.";
const PARENT =
  "The territory it lies in, in a compatible grid: an ELECTORAL_MICROREGION in a REGIONAL_ADMIN region; a NEIGHBORHOOD in a " +
  "REGIONAL_ADMIN region or an ELECTORAL_MICROREGION; a HEALTH_DISTRICT or SUAS_TERRITORY in the MUNICIPALITY. " +
  "Unknown or incompatible: BAD_USER_INPUT.";

@InputType({ description: "A territory of one of the grids other than the administrative regions (ADMIN)." })
export class CreateTerritoryInput {
  @Field(() => TerritoryScheme, {
    description: "ELECTORAL_MICROREGION, HEALTH_DISTRICT, SUAS_TERRITORY or NEIGHBORHOOD; MUNICIPALITY and REGIONAL_ADMIN are fixed by law (BAD_USER_INPUT).",
  })
  scheme: TerritoryScheme;

  @Field({ description: CODE })
  code: string;

  @Field({ description: "Name as the city writes it, 2 to 200 characters." })
  name: string;

  @Field(() => ID, { nullable: true, description: PARENT })
  parentId?: string | null;

  @Field(() => Int, { nullable: true, description: "Population, 0 to 10,000,000, where a public source gives it (name it in `populationSource`)." })
  population?: number | null;

  @Field(() => String, { nullable: true, description: "Source of the population figure, up to 200 characters, e.g. `Censo 2022 do IBGE`." })
  populationSource?: string | null;

  @Field(() => Float, { nullable: true, description: "Area in square kilometres, 0 to 10,000, two decimals kept." })
  areaKm2?: number | null;

  @SourcesInputField()
  sources?: SourceInput[] | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}

@InputType({ description: "Changes to a territory of the grids other than the administrative regions (ADMIN); omitted fields stay." })
export class UpdateTerritoryInput {
  @Field(() => ID, { description: "An ELECTORAL_MICROREGION, HEALTH_DISTRICT, SUAS_TERRITORY or NEIGHBORHOOD territory (another grid: BAD_USER_INPUT)." })
  id: string;

  @Field(() => Int, { description: "The territory's `version` you read; a stale one is CONFLICT." })
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: CODE })
  code?: string;

  @Field(() => String, { nullable: true, description: "Name as the city writes it, 2 to 200 characters." })
  name?: string;

  @Field(() => ID, { nullable: true, description: `Moves it under another territory. ${PARENT}` })
  parentId?: string | null;

  @Field(() => Int, { nullable: true, description: "Population, 0 to 10,000,000." })
  population?: number | null;

  @Field(() => String, { nullable: true, description: "Source of the population figure, up to 200 characters." })
  populationSource?: string | null;

  @Field(() => Float, { nullable: true, description: "Area in square kilometres, 0 to 10,000." })
  areaKm2?: number | null;

  @SourcesInputField()
  sources?: SourceInput[] | null;

  @Field(() => String, { nullable: true, description: Doc.IDEMPOTENCY_KEY })
  idempotencyKey?: string;
}
