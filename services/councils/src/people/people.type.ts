import { NodeType, Source, OwnSources } from "@contagem/schema";
import { Directive, Field, ObjectType } from "type-graphql";
import { OrganizationKind } from "./people.enums";

@ObjectType("PublicPerson", {
  description:
    "A council member's public profile: the name as the official act writes it, and the mandates held. No personal data.",
})
@Directive('@key(fields: "id")')
export class PublicPerson extends NodeType {
  @Field({ description: "Name exactly as the official act of appointment writes it." })
  displayName: string;

  @Field(() => [Source], {
    description:
      "The sources of the mandates this person holds or held (the acts of appointment that write the name), merged: " +
      "a public profile has no facts but those acts' (Open Civic Data's `sources`: `url`, optional `note`); empty when none was cited.",
  })
  sources: Source[];
}

@ObjectType("Organization", { description: "A government body or civil-society entity holding council seats." })
export class Organization extends NodeType {
  @Field({ description: "Name as the city writes it." })
  name: string;

  @Field(() => String, { nullable: true, description: "Its acronym, e.g. `SMS`; null when it has none." })
  acronym?: string | null;

  @Field(() => OrganizationKind, { description: "What kind of body it is." })
  kind: OrganizationKind;

  @OwnSources()
  sources: Source[];
}
