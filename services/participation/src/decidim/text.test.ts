import { htmlToPlainText, pickText } from "./text";

const field = (translation: string | null, translations: Record<string, string | null>) => ({
  translation,
  translations: Object.entries(translations).map(([locale, text]) => ({ locale, text })),
});

describe("Decidim texts", () => {
  it("keeps the pt-BR text, else pt, else another pt variant, else any translation", () => {
    expect(pickText(field("Olá", { "pt-BR": "Olá", en: "Hello" }), "pt-BR")).toBe("Olá");
    expect(pickText(field(null, { pt: "Oi", en: "Hello" }), "pt-BR")).toBe("Oi");
    expect(pickText(field(null, { "pt-PT": "Viva", en: "Hello" }), "pt-BR")).toBe("Viva");
    expect(pickText(field(null, { en: "Hello", es: "Hola" }), "pt-BR")).toBe("Hello");
    expect(pickText(field("<p> </p>", { "pt-BR": "<p> </p>", en: "<p>Hello</p>" }), "pt-BR")).toBe("Hello");
    expect(pickText(field(null, {}), "pt-BR")).toBeNull();
    expect(pickText(null, "pt-BR")).toBeNull();
  });

  it("turns Decidim's rich text into plain text: entities decoded, links as text, no images, headings as written", () => {
    const html =
      '<h2>Diretrizes</h2><p>Mais <strong>editais</strong> &amp; critérios <a href="https://example.org/x">claros</a>.</p>' +
      '<img src="x.png" alt="foto"><ul><li>um</li><li>dois</li></ul><script>alert(1)</script>';
    const text = htmlToPlainText(html);
    expect(text).toContain("Diretrizes");
    expect(text).toContain("Mais editais & critérios claros.");
    expect(text).toMatch(/um\n.*dois/);
    expect(text).not.toMatch(/[<>]|example\.org|foto|alert/);
  });

  it("reads HTML nested thousands deep (a hostile instance's) without overflowing the stack: what lies deeper is cut", () => {
    const deep = "<div>".repeat(6_000) + "fundo" + "</div>".repeat(6_000);
    const text = htmlToPlainText(`<p>início</p>${deep}<p>fim</p>`);
    expect(text).toMatch(/^início\n[^]*fim$/);
    expect(text).not.toContain("fundo");
  });
});
