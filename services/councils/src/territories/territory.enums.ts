import { registerEnumType } from "type-graphql";

export enum TerritoryScheme {
  MUNICIPALITY = "MUNICIPALITY",
  REGIONAL_ADMIN = "REGIONAL_ADMIN",
  ELECTORAL_MICROREGION = "ELECTORAL_MICROREGION",
  HEALTH_DISTRICT = "HEALTH_DISTRICT",
  SUAS_TERRITORY = "SUAS_TERRITORY",
  NEIGHBOURHOOD = "NEIGHBOURHOOD",
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
    NEIGHBOURHOOD: { description: "Neighbourhoods (bairros)." },
  },
});
