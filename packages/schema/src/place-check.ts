import { badInput, ConfigError } from "@contagem/common";
import { PlaceEmbeddable, type PlaceInput } from "./place";

/**
 * The municipality's area as a bounding box, `MUNICIPALITY_BBOX="minLon,minLat,maxLon,maxLat"` (GeoJSON's bbox order,
 * WGS 84 degrees). No package on the npm registry ships IBGE's municipal boundaries with a clear source and licence, and
 * the project states no coordinates it has no source for: so the operator sets the box (from IBGE's Malha Municipal,
 * code 3118601), and without it only the WGS 84 ranges are checked.
 */
export const BBOX_SETTING = "MUNICIPALITY_BBOX";

export interface BoundingBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** The configured box, or null when unset; a malformed one is a ConfigError naming the variable (checked at start). */
export function municipalityBbox(settings: Record<string, string | undefined>): BoundingBox | null {
  const raw = settings[BBOX_SETTING];
  if (raw === undefined || raw.trim() === "") return null;
  const parts = raw.split(",").map((part) => (part.trim() === "" ? Number.NaN : Number(part)));
  const bad = (why: string) => new ConfigError(`${BBOX_SETTING} must be "minLon,minLat,maxLon,maxLat" in WGS 84 degrees: ${why}; got ${JSON.stringify(raw)}.`);
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) throw bad("four numbers separated by commas");
  const [minLon, minLat, maxLon, maxLat] = parts as [number, number, number, number];
  if (!inRange(minLon, maxLon, -180, 180) || !inRange(minLat, maxLat, -90, 90)) throw bad("minimum below maximum, longitudes −180 to 180, latitudes −90 to 90");
  return { minLon, minLat, maxLon, maxLat };
}

const inRange = (min: number, max: number, lowest: number, highest: number) => min >= lowest && max <= highest && min < max;

function checkText(value: string | null | undefined, field: string, min: number, max: number): string | null {
  if (value == null) return null;
  const text = value.trim().replace(/\s+/g, " ");
  if ([...text].length < min || [...text].length > max) throw badInput(field, `"${field}" must have ${min} to ${max} characters.`);
  return text;
}

const CEP = /^(\d{5})-?(\d{3})$/;

/** [longitude, latitude] checked: GeoJSON's order and WGS 84 ranges, then the municipality's box when one is set. */
function checkPoint(point: NonNullable<PlaceInput["point"]>, field: string, bbox: BoundingBox | null): [number, number] {
  if (point.type !== "Point") throw badInput(`${field}.type`, `"${field}.type" must be "Point" (a GeoJSON Point); got ${JSON.stringify(point.type)}.`);
  const at = `${field}.coordinates`;
  if (point.coordinates.length !== 2) throw badInput(at, `"${at}" must be [longitude, latitude]: two numbers, no altitude.`);
  const [lon, lat] = point.coordinates as [number, number];
  if (!Number.isFinite(lon) || lon < -180 || lon > 180) throw badInput(at, `"${at}": longitude ${lon} is outside −180 to 180.`);
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) throw badInput(at, `"${at}": latitude ${lat} is outside −90 to 90.`);
  if (bbox && !(lon >= bbox.minLon && lon <= bbox.maxLon && lat >= bbox.minLat && lat <= bbox.maxLat)) {
    const swapped = lat >= bbox.minLon && lat <= bbox.maxLon && lon >= bbox.minLat && lon <= bbox.maxLat;
    throw badInput(
      at,
      `"${at}" [${lon}, ${lat}] is outside the municipality (longitude ${bbox.minLon} to ${bbox.maxLon}, latitude ${bbox.minLat} to ${bbox.maxLat})` +
        (swapped ? ": GeoJSON puts the longitude first, [longitude, latitude]." : "."),
    );
  }
  return [lon, lat];
}

/**
 * A place input checked and normalised for storage (field names as the client wrote them, under `field`):
 * null for `{}`, which removes a place. Every mistake is BAD_USER_INPUT naming the field.
 */
export function checkPlace(input: PlaceInput, field: string, settings: Record<string, string | undefined>): PlaceEmbeddable | null {
  const name = checkText(input.name, `${field}.name`, 1, 200);
  const address = input.address ?? null;
  const streetAddress = address ? checkText(address.streetAddress, `${field}.address.streetAddress`, 3, 300) : null;
  const neighbourhood = address ? checkText(address.neighbourhood, `${field}.address.neighbourhood`, 2, 120) : null;
  let postalCode: string | null = null;
  if (address?.postalCode != null) {
    const digits = CEP.exec(address.postalCode.trim());
    if (!digits) throw badInput(`${field}.address.postalCode`, `"${field}.address.postalCode" must be a CEP, 8 digits written 00000-000.`);
    postalCode = `${digits[1]}-${digits[2]}`;
  }
  const point = input.point ? checkPoint(input.point, `${field}.point`, municipalityBbox(settings)) : null;
  if (name === null && !address && !point) return null;
  return Object.assign(new PlaceEmbeddable(), { name, streetAddress, neighbourhood, postalCode, longitude: point?.[0] ?? null, latitude: point?.[1] ?? null });
}
