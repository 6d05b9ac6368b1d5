import { askPeer, batchOptions, databaseIdOf, type RequestContext } from "@contagem/schema";
import DataLoader from "dataloader";

/**
 * Council ids by slug, asked of the councils subgraph (their owner) in one `_entities` request per tick — the entry
 * point the gateway uses; a slug it does not know is null.
 */
export const councilIdsBySlugLoader = (ctx: RequestContext) =>
  new DataLoader<string, number | null>(async (slugs) => {
    const data = await askPeer<{ _entities: ({ id: string } | null)[] }>(
      ctx,
      "councils",
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Council { id } } }`,
      { r: slugs.map((slug) => ({ __typename: "Council", slug })) },
    );
    return data._entities.map((council) => (council ? databaseIdOf(council.id) : null));
  }, batchOptions);
