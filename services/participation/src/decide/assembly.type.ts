import { ConnectionType, NodeType, Source, OwnSources } from "@contagem/schema";
import { Field, ObjectType } from "type-graphql";

@ObjectType("Assembly", {
  description:
    "A participatory space of Decide Contagem (a Decidim assembly): a body's page on the platform, e.g. a regional council's, with its rules and mandate. " +
    "Seeded from the public record and, once the sync finds it on Decidim, with its imported description and meetings (read-only).",
})
export class Assembly extends NodeType {
  @Field({ description: "Its slug on the platform." })
  slug: string;

  @Field({ description: "Its name on the platform, in Portuguese." })
  name: string;

  @Field({ description: "Its address on Decide Contagem." })
  url: string;

  @Field({ description: "What the public record states about it, one fact a line; empty for a space only imported from Decidim." })
  facts: string;

  @Field(() => String, { nullable: true, description: "Its subtitle on Decide Contagem, as imported; null when not imported or none." })
  subtitle?: string | null;

  @Field(() => String, { nullable: true, description: "Its description on Decide Contagem (plain text), as imported; null when not imported." })
  description?: string | null;

  @OwnSources()
  sources: Source[];
}

@ObjectType("AssemblyConnection")
export class AssemblyConnection extends ConnectionType(Assembly, "Assembly") {}
