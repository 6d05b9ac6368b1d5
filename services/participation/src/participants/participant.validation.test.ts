import { AppError } from "@contagem/schema";
import { givenNeighborhood } from "./participant.validation";

describe("a participant's neighborhood, under its name or its deprecated spelling", () => {
  it("is taken from `neighborhood` or from `neighbourhood`, trimmed, empty meaning none, absent meaning unchanged", () => {
    expect(givenNeighborhood({ neighborhood: "  Eldorado " })).toBe("Eldorado");
    expect(givenNeighborhood({ neighbourhood: "Riacho" })).toBe("Riacho");
    expect(givenNeighborhood({ neighborhood: "   " })).toBeNull();
    expect(givenNeighborhood({ neighbourhood: null })).toBeNull();
    expect(givenNeighborhood({})).toBeUndefined();
  });

  it("is refused when given under both names, naming `neighborhood`", () => {
    let error: unknown;
    try {
      givenNeighborhood({ neighborhood: "Eldorado", neighbourhood: "Riacho" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "neighborhood" });
  });
});
