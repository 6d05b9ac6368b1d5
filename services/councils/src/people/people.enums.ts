import { registerEnumType } from "type-graphql";

export enum OrganizationKind {
  GOVERNMENT_BODY = "GOVERNMENT_BODY",
  LEGISLATURE = "LEGISLATURE",
  CIVIL_SOCIETY = "CIVIL_SOCIETY",
  UNION = "UNION",
  PROVIDER = "PROVIDER",
  UNIVERSITY = "UNIVERSITY",
  OTHER = "OTHER",
}

registerEnumType(OrganizationKind, {
  name: "OrganizationKind",
  description: "What kind of body an organization is.",
  valuesConfig: {
    GOVERNMENT_BODY: { description: "A body of the municipal (or other) executive, e.g. a secretariat." },
    LEGISLATURE: { description: "A legislative house, e.g. the Câmara Municipal." },
    CIVIL_SOCIETY: { description: "An association, movement or other civil-society entity." },
    UNION: { description: "A trade union or professional council." },
    PROVIDER: { description: "A provider of services in the policy area." },
    UNIVERSITY: { description: "A university or research institution." },
    OTHER: { description: "Any other kind of body." },
  },
});
