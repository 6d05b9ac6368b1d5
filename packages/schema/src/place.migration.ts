import { NAME_COLLATION } from "./collation";

/**
 * The statements that add a place's `location_` columns (PlaceEmbeddable) to `table` of `schema` (quoted), with the
 * database's own guards: a point is both coordinates or neither, in WGS 84's ranges, and a CEP is `00000-000`. The
 * name sorts in Portuguese like every name (the schema's collation exists since its names migration).
 */
export function placeColumnsSql(schema: string, table: string): string[] {
  return [
    `alter table ${schema}.${table}
       add column location_name text collate ${schema}.${NAME_COLLATION},
       add column location_street_address text,
       add column location_neighbourhood text,
       add column location_postal_code varchar(9),
       add column location_longitude double precision,
       add column location_latitude double precision,
       add constraint ${table}_location_point check ((location_longitude is null) = (location_latitude is null)),
       add constraint ${table}_location_longitude check (location_longitude between -180 and 180),
       add constraint ${table}_location_latitude check (location_latitude between -90 and 90),
       add constraint ${table}_location_postal_code check (location_postal_code ~ '^[0-9]{5}-[0-9]{3}$')`,
  ];
}
