import { registerEnumType } from "type-graphql";

/**
 * The stored value stays NEIGHBOURHOOD; the public name is spelt as the rest of the schema (American English). The old
 * name comes first and is deprecated: still accepted, while an output value takes the last name of its value.
 */
export enum TerritoryScheme {
  MUNICIPALITY = "MUNICIPALITY",
  REGIONAL_ADMIN = "REGIONAL_ADMIN",
  ELECTORAL_MICROREGION = "ELECTORAL_MICROREGION",
  HEALTH_DISTRICT = "HEALTH_DISTRICT",
  SUAS_TERRITORY = "SUAS_TERRITORY",
  NEIGHBOURHOOD = "NEIGHBOURHOOD",
  // eslint-disable-next-line @typescript-eslint/no-duplicate-enum-values -- the new public name of the same stored value
  NEIGHBORHOOD = "NEIGHBOURHOOD",
}

registerEnumType(TerritoryScheme, {
  name: "TerritoryScheme",
  description: "The territorial grid a territory belongs to.",
  valuesConfig: {
    MUNICIPALITY: { description: "The municipality as a whole." },
    REGIONAL_ADMIN: { description: "The 8 administrative regions, each with a regional council." },
    ELECTORAL_MICROREGION: { description: "Micro-regions used to elect regional councillors." },
    HEALTH_DISTRICT: { description: "Health districts, each with a district health council." },
    SUAS_TERRITORY: { description: "Social assistance (SUAS) territories." },
    NEIGHBORHOOD: { description: "Neighborhoods (bairros)." },
    NEIGHBOURHOOD: { description: "Neighborhoods (bairros).", deprecationReason: "Use `NEIGHBORHOOD`. Removal after 2027-03-01." },
  },
});
