import { ConnectionType, NodeType, Source, OwnSources } from "@contagem/schema";
import { Field, ObjectType } from "type-graphql";

@ObjectType("Assembly", {
  description:
    "A participatory space of Decide Contagem (a Decidim assembly): a body's page on the platform, e.g. a regional council's, with its rules and mandate.",
})
export class Assembly extends NodeType {
  @Field({ description: "Its slug on the platform." })
  slug: string;

  @Field({ description: "Its name on the platform, in Portuguese." })
  name: string;

  @Field({ description: "Its address on Decide Contagem." })
  url: string;

  @Field({ description: "What the public record states about it, one fact a line." })
  facts: string;

  @OwnSources()
  sources: Source[];
}

@ObjectType("AssemblyConnection")
export class AssemblyConnection extends ConnectionType(Assembly, "Assembly") {}
