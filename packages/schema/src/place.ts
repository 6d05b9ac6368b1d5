import { Embeddable, Property } from "@mikro-orm/core";
import { Directive, Field, Float, InputType, ObjectType } from "type-graphql";

/**
 * Where a meeting happens or works are done, in the field's terms: Open Civic Data's Event `location` (a name and
 * coordinates), schema.org's PostalAddress (Popolo's `address`) for the Brazilian address, and an RFC 7946 GeoJSON
 * Point (WGS 84, `[longitude, latitude]`). Meetings and participation both expose it: value types, so @shareable,
 * and declared here once so that the two subgraphs declare them identically.
 */

/** The municipality every address is in (the graph is Contagem's; coordinates are checked against its area). */
export const MUNICIPALITY = { locality: "Contagem", region: "MG", country: "BR" } as const;

/** A place as stored: columns prefixed `location_` on the owner's table; null when no part is known. */
@Embeddable()
export class PlaceEmbeddable {
  @Property({ type: "text", nullable: true })
  name?: string | null;

  @Property({ type: "text", nullable: true })
  streetAddress?: string | null;

  @Property({ type: "text", nullable: true })
  neighbourhood?: string | null;

  @Property({ length: 9, nullable: true })
  postalCode?: string | null;

  @Property({ type: "double", nullable: true })
  longitude?: number | null;

  @Property({ type: "double", nullable: true })
  latitude?: number | null;
}

@ObjectType("PostalAddress", {
  description:
    "A Brazilian street address in schema.org's PostalAddress terms: logradouro and número in `streetAddress`, the bairro in " +
    "`neighbourhood`, the CEP in `postalCode`; the municipality is always Contagem (MG, BR).",
})
@Directive("@shareable")
export class PostalAddress {
  @Field(() => String, { nullable: true, description: 'Logradouro, número and complemento, e.g. "Av. José Faria da Rocha, 1016"; null when not recorded.' })
  streetAddress: string | null;

  @Field(() => String, { nullable: true, description: 'The bairro (neighbourhood), e.g. "Eldorado"; null when not recorded.' })
  neighbourhood: string | null;

  @Field(() => String, { nullable: true, description: "The CEP (Brazilian postal code), 8 digits written `00000-000`; null when not recorded." })
  postalCode: string | null;

  @Field({ description: 'The municipality (schema.org `addressLocality`): always "Contagem".' })
  addressLocality: string;

  @Field({ description: 'The state (schema.org `addressRegion`), its two-letter code: always "MG".' })
  addressRegion: string;

  @Field({ description: 'The country, ISO 3166-1 alpha-2: always "BR".' })
  addressCountry: string;
}

@ObjectType("GeoJSONPoint", {
  description:
    "A point as an RFC 7946 GeoJSON geometry, in WGS 84 decimal degrees: `{\"type\": \"Point\", \"coordinates\": [longitude, latitude]}` " +
    "— longitude first, as GeoJSON writes it. The object can be used as it is as a GeoJSON geometry.",
})
@Directive("@shareable")
export class GeoJSONPoint {
  @Field({ description: 'The GeoJSON geometry type: always "Point".' })
  type: string;

  @Field(() => [Float], { description: "`[longitude, latitude]` in WGS 84 decimal degrees (longitude −180 to 180, latitude −90 to 90), no altitude." })
  coordinates: number[];
}

@ObjectType("Place", {
  description:
    "Where something happens, as Open Civic Data's Event `location` (`name`, `coordinates`) with schema.org's PostalAddress: " +
    "a name, an address and a point, each optional (at least one is known). A point lies inside Contagem's area as configured.",
})
@Directive("@shareable")
export class Place {
  @Field(() => String, { nullable: true, description: 'What the place is called, e.g. "Casa dos Conselhos"; null when not recorded.' })
  name: string | null;

  @Field(() => PostalAddress, { nullable: true, description: "Its postal address; null when not recorded." })
  address: PostalAddress | null;

  @Field(() => GeoJSONPoint, { nullable: true, description: "Its coordinates, a GeoJSON Point; null when not recorded." })
  point: GeoJSONPoint | null;
}

@InputType("PostalAddressInput", { description: "A street address in Contagem (MG): the municipality and state are implied." })
export class PostalAddressInput {
  @Field({ description: 'Logradouro, número and complemento, 3 to 300 characters, e.g. "Av. José Faria da Rocha, 1016" (else BAD_USER_INPUT).' })
  streetAddress: string;

  @Field(() => String, { nullable: true, description: 'The bairro, 2 to 120 characters, e.g. "Eldorado" (else BAD_USER_INPUT).' })
  neighbourhood?: string | null;

  @Field(() => String, { nullable: true, description: "The CEP: 8 digits, `00000-000` or `00000000` (kept as `00000-000`); anything else: BAD_USER_INPUT." })
  postalCode?: string | null;
}

@InputType("GeoJSONPointInput", {
  description: 'An RFC 7946 GeoJSON Point, WGS 84: `{"type": "Point", "coordinates": [longitude, latitude]}` — a GeoJSON geometry can be sent as it is.',
})
export class GeoJSONPointInput {
  @Field({ description: 'Must be "Point" (else BAD_USER_INPUT).' })
  type: string;

  @Field(() => [Float], {
    description:
      "`[longitude, latitude]` in decimal degrees, longitude first (GeoJSON's order), no altitude: longitude −180 to 180, latitude −90 to 90, " +
      "and inside the municipality's bounding box when the server sets one (MUNICIPALITY_BBOX). Otherwise BAD_USER_INPUT naming this field.",
  })
  coordinates: number[];
}

@InputType("PlaceInput", {
  description: "Where something happens: a name, an address and a point, each optional, at least one given. An empty object `{}` removes the place (in an update).",
})
export class PlaceInput {
  @Field(() => String, { nullable: true, description: 'What the place is called, 1 to 200 characters, e.g. "Casa dos Conselhos".' })
  name?: string | null;

  @Field(() => PostalAddressInput, { nullable: true, description: "Its postal address in Contagem." })
  address?: PostalAddressInput | null;

  @Field(() => GeoJSONPointInput, { nullable: true, description: "Its coordinates, a GeoJSON Point inside the municipality." })
  point?: GeoJSONPointInput | null;
}

/** The stored place as the graph shows it; null when nothing is recorded. */
export function placeOf(stored: PlaceEmbeddable | null | undefined): Place | null {
  if (!stored) return null;
  const { name = null, streetAddress = null, neighbourhood = null, postalCode = null, longitude = null, latitude = null } = stored;
  const hasAddress = streetAddress != null || neighbourhood != null || postalCode != null;
  const hasPoint = longitude != null && latitude != null;
  if (name == null && !hasAddress && !hasPoint) return null;
  return {
    name,
    address: hasAddress
      ? { streetAddress, neighbourhood, postalCode, addressLocality: MUNICIPALITY.locality, addressRegion: MUNICIPALITY.region, addressCountry: MUNICIPALITY.country }
      : null,
    point: hasPoint ? { type: "Point", coordinates: [longitude, latitude] } : null,
  };
}
