import { byId, byParent, byUnique } from "@contagem/schema";
import { MandateEntity } from "./composition/mandate.entity";
import { SeatRuleEntity } from "./composition/seat-rule.entity";
import { SeatEntity } from "./composition/seat.entity";
import { TermEntity } from "./composition/term.entity";
import { CouncilEntity } from "./councils/council.entity";
import { LegalActEntity } from "./legal-acts/legal-act.entity";
import { OrganizationEntity } from "./people/organization.entity";
import { PublicPersonEntity } from "./people/public-person.entity";
import { TerritoryEntity } from "./territories/territory.entity";

/** Every entity and list-to-entity path of this subgraph goes through one of these per-request loaders. */
export const councilById = byId(CouncilEntity);
export const councilBySlug = byUnique(CouncilEntity, "slug");
export const councilsByTerritory = byParent(CouncilEntity, "territory", { name: "asc" });
export const territoryById = byId(TerritoryEntity);
export const territoriesByParent = byParent(TerritoryEntity, "parent", { name: "asc" });
export const legalActById = byId(LegalActEntity);
export const organizationById = byId(OrganizationEntity);
export const personById = byId(PublicPersonEntity);
export const seatRulesByCouncil = byParent(SeatRuleEntity, "council");
export const termById = byId(TermEntity);
export const termsByCouncil = byParent(TermEntity, "council", { startsOn: "desc", id: "desc" });
export const seatById = byId(SeatEntity);
export const seatsByTerm = byParent(SeatEntity, "term", { position: "asc" });
export const mandateById = byId(MandateEntity);
export const mandatesBySeat = byParent(MandateEntity, "seat", { startsOn: "asc", id: "asc" });
export const mandatesByPerson = byParent(MandateEntity, "person", { startsOn: "desc", id: "desc" });
