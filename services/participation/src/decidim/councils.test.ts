import { assemblyCouncils, assemblySlugOf, councilSlugsOf } from "./councils";

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

  it("finds an assembly's council by the same rule, the other way (Assembly.council)", () => {
    const none = assemblyCouncils({});
    expect(councilSlugsOf("regional-nacional", none)).toEqual(["conselho-regional-nacional", "regional-nacional"]);
    const pairs = assemblyCouncils({ DECIDIM_ASSEMBLY_COUNCILS: "conselhos-regionais=conselho-regional-sede,compur-2024=compur" });
    expect(councilSlugsOf("conselhos-regionais", pairs)).toEqual(["conselho-regional-sede"]);
    // A council paired with another assembly is not this one's, whatever its slug.
    expect(councilSlugsOf("compur", pairs)).toEqual(["conselho-compur"]);
    expect(councilSlugsOf("regional-sede", pairs)).toEqual(["regional-sede"]);
    // Forward and back agree for every default pair.
    for (const council of ["conselho-regional-eldorado", "compur"]) {
      for (const assembly of assemblySlugOf(council, none)) expect(councilSlugsOf(assembly, none)).toContain(council);
    }
  });

  it("refuses a malformed setting (the subgraph does not start)", () => {
    for (const bad of ["regional-nacional", "a=b=c", "Regional=conselho", "a=x,b=x"]) {
      expect(() => assemblyCouncils({ DECIDIM_ASSEMBLY_COUNCILS: bad })).toThrow(/DECIDIM_ASSEMBLY_COUNCILS/);
    }
  });
});
