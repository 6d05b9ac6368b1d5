import { ConfigError } from "@contagem/common";
import type { GraphQLError } from "graphql";
import { placeOf } from "./place";
import { checkPlace, municipalityBbox } from "./place-check";

/** A synthetic box for the test (not the municipality's: the project states no coordinates it has no source for). */
const BOX = { MUNICIPALITY_BBOX: "-50,-25,-40,-15" };
const point = (coordinates: number[], type = "Point") => ({ point: { type, coordinates } });

/** The refusal as a client reads it: its code, the field it names and its message. */
function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    const { extensions, message } = error as GraphQLError;
    return { code: extensions.code, field: extensions.field, message };
  }
  throw new Error("accepted");
}

describe("MUNICIPALITY_BBOX", () => {
  it("reads minLon,minLat,maxLon,maxLat, and means no box when unset or empty", () => {
    expect(municipalityBbox(BOX)).toEqual({ minLon: -50, minLat: -25, maxLon: -40, maxLat: -15 });
    expect(municipalityBbox({ MUNICIPALITY_BBOX: " -50.5 , -25, -40 ,-15.25 " })).toEqual({ minLon: -50.5, minLat: -25, maxLon: -40, maxLat: -15.25 });
    expect(municipalityBbox({})).toBeNull();
    expect(municipalityBbox({ MUNICIPALITY_BBOX: "" })).toBeNull();
  });

  it.each(["-50,-25,-40", "-50,-25,-40,-15,0", "a,b,c,d", "-50,,-40,-15", "-40,-25,-50,-15", "-50,-15,-40,-25", "-190,-25,-40,-15", "-50,-95,-40,-15"])(
    "refuses %j at start, naming the variable",
    (raw) => {
      expect(() => municipalityBbox({ MUNICIPALITY_BBOX: raw })).toThrow(ConfigError);
      expect(() => municipalityBbox({ MUNICIPALITY_BBOX: raw })).toThrow(/^MUNICIPALITY_BBOX must be "minLon,minLat,maxLon,maxLat"/);
    },
  );
});

describe("checkPlace", () => {
  it("keeps a whole place normalised: trimmed text, the CEP as 00000-000, the point as [longitude, latitude]", () => {
    const stored = checkPlace(
      { name: "  Casa dos Conselhos ", address: { streetAddress: "Av. José Faria da Rocha,   1016", neighbourhood: "Eldorado", postalCode: "32000000" }, ...point([-45.5, -20.25]) },
      "location",
      BOX,
    );
    expect({ ...stored }).toEqual({ name: "Casa dos Conselhos", streetAddress: "Av. José Faria da Rocha, 1016", neighbourhood: "Eldorado", postalCode: "32000-000", longitude: -45.5, latitude: -20.25 });
    expect(placeOf(stored)).toEqual({
      name: "Casa dos Conselhos",
      address: { streetAddress: "Av. José Faria da Rocha, 1016", neighbourhood: "Eldorado", postalCode: "32000-000", addressLocality: "Contagem", addressRegion: "MG", addressCountry: "BR" },
      point: { type: "Point", coordinates: [-45.5, -20.25] },
    });
  });

  it("takes each part alone, and reads `{}` as no place (an update's removal)", () => {
    expect(placeOf(checkPlace({ name: "Escola Municipal" }, "location", BOX))).toEqual({ name: "Escola Municipal", address: null, point: null });
    expect(placeOf(checkPlace(point([-41, -16]), "location", BOX))).toEqual({ name: null, address: null, point: { type: "Point", coordinates: [-41, -16] } });
    expect(placeOf(checkPlace({ address: { streetAddress: "Rua Um, 10" } }, "location", BOX))?.address).toMatchObject({ streetAddress: "Rua Um, 10", neighbourhood: null, postalCode: null, addressLocality: "Contagem" });
    expect(checkPlace({}, "location", BOX)).toBeNull();
    expect(placeOf(null)).toBeNull();
  });

  it("refuses a point outside the box, and says so when the client swapped GeoJSON's order", () => {
    expect(refusal(() => checkPlace(point([-30, -20]), "location", BOX))).toEqual({
      code: "BAD_USER_INPUT",
      field: "location.point.coordinates",
      message: '"location.point.coordinates" [-30, -20] is outside the municipality (longitude -50 to -40, latitude -25 to -15).',
    });
    expect(refusal(() => checkPlace(point([-20, -45]), "location", BOX)).message).toMatch(/GeoJSON puts the longitude first, \[longitude, latitude\]\.$/);
  });

  it("without a box checks only WGS 84's ranges", () => {
    expect(placeOf(checkPlace(point([151.2, -33.9]), "location", {}))?.point?.coordinates).toEqual([151.2, -33.9]);
    expect(refusal(() => checkPlace(point([-181, 0]), "location", {}))).toMatchObject({ field: "location.point.coordinates", message: expect.stringMatching(/longitude -181 is outside −180 to 180/) });
    expect(refusal(() => checkPlace(point([0, 90.5]), "location", {}))).toMatchObject({ field: "location.point.coordinates", message: expect.stringMatching(/latitude 90.5 is outside −90 to 90/) });
  });

  it.each([
    ["a type other than Point", point([-45, -20], "Polygon"), "location.point.type"],
    ["a lower-case type", point([-45, -20], "point"), "location.point.type"],
    ["one coordinate", point([-45]), "location.point.coordinates"],
    ["an altitude", point([-45, -20, 800]), "location.point.coordinates"],
    ["a CEP of 7 digits", { address: { streetAddress: "Rua Um, 10", postalCode: "3200-000" } }, "location.address.postalCode"],
    ["a CEP with letters", { address: { streetAddress: "Rua Um, 10", postalCode: "32ABC-000" } }, "location.address.postalCode"],
    ["a street of two letters", { address: { streetAddress: " R " } }, "location.address.streetAddress"],
    ["a neighbourhood of one letter", { address: { streetAddress: "Rua Um, 10", neighbourhood: "X" } }, "location.address.neighbourhood"],
    ["an empty name", { name: "   " }, "location.name"],
    ["a name over 200 characters", { name: "N".repeat(201) }, "location.name"],
  ])("refuses %s, naming the field", (_what, input, field) => {
    expect(refusal(() => checkPlace(input, "location", BOX))).toMatchObject({ code: "BAD_USER_INPUT", field });
  });
});
