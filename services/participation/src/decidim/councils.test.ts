import { assemblyCouncils, assemblySlugOf } from "./councils";

/** Which Decide Contagem assembly is which council's: configured pairs, else by slug (issue 17). */
describe("assembly ↔ council mapping", () => {
  it("defaults to the regional councils' slugs", () => {
    const none = assemblyCouncils({});
    expect(assemblySlugOf("conselho-regional-nacional", none)).toEqual(["regional-nacional", "conselho-regional-nacional"]);
    expect(assemblySlugOf("compur", none)).toEqual(["compur"]);
  });

  it("takes DECIDIM_ASSEMBLY_COUNCILS pairs before the default", () => {
    const pairs = assemblyCouncils({ DECIDIM_ASSEMBLY_COUNCILS: " conselhos-regionais=conselho-regional-sede , compur-2024=compur" });
    expect(assemblySlugOf("conselho-regional-sede", pairs)).toEqual(["conselhos-regionais"]);
    expect(assemblySlugOf("compur", pairs)).toEqual(["compur-2024"]);
    expect(assemblySlugOf("conselho-regional-eldorado", pairs)).toEqual(["regional-eldorado", "conselho-regional-eldorado"]);
  });

  it("refuses a malformed setting (the subgraph does not start)", () => {
    for (const bad of ["regional-nacional", "a=b=c", "Regional=conselho", "a=x,b=x"]) {
      expect(() => assemblyCouncils({ DECIDIM_ASSEMBLY_COUNCILS: bad })).toThrow(/DECIDIM_ASSEMBLY_COUNCILS/);
    }
  });
});
