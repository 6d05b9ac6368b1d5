import { maskCpf, normalizeCpf } from "./cpf";

describe("CPF", () => {
  it("accepts valid numbers with or without formatting", () => {
    expect(normalizeCpf("529.982.247-25")).toBe("52998224725");
    expect(normalizeCpf("52998224725")).toBe("52998224725");
    expect(normalizeCpf("111.444.777-35")).toBe("11144477735");
  });

  it("refuses wrong check digits, repeated digits and wrong lengths", () => {
    expect(normalizeCpf("529.982.247-24")).toBeNull();
    expect(normalizeCpf("111.111.111-11")).toBeNull();
    expect(normalizeCpf("1234567890")).toBeNull();
    expect(normalizeCpf("abc")).toBeNull();
  });

  it("masks all but the last three digits", () => {
    expect(maskCpf("725")).toBe("***.***.**7-25");
  });
});
