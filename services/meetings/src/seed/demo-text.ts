import { civilDate, type Random } from "@contagem/schema";

const TOPICS = [
  "a requalificação das praças e parques da regional",
  "o orçamento participativo das obras de pavimentação",
  "a ampliação do atendimento nas unidades básicas de saúde",
  "o plano municipal de mobilidade urbana e as linhas de ônibus",
  "a revisão do Plano Diretor e o zoneamento urbano",
  "as reuniões descentralizadas nos bairros",
  "a fiscalização das obras de drenagem e saneamento",
  "as resoluções sobre o calendário de reuniões ordinárias",
  "a prestação de contas do fundo municipal",
  "as conferências municipais e suas etapas regionais",
  "a merenda escolar e a segurança alimentar",
  "a acessibilidade nos prédios públicos",
  "o programa de hortas comunitárias",
  "a iluminação pública e a segurança nas vias",
];
const MONTHS = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"];

export const topic = (rng: Random) => rng.pick(TOPICS);

/** Minutes text in Portuguese, clearly marked synthetic, with varied topics so that search has something to find. */
export function minutesBody(rng: Random, councilName: string, label: string, startsAt: Date, topics: string[], present: number): string {
  const [year, monthNumber, day] = civilDate(startsAt).split("-").map(Number);
  const month = MONTHS[monthNumber - 1];
  const items = topics.map((t, i) => `${i + 1}. Discussão sobre ${t}.`).join("\n");
  const decisions = topics
    .map((t) => (rng.chance(0.7) ? `Aprovada por maioria a proposta sobre ${t}.` : `A discussão sobre ${t} foi adiada para a próxima reunião.`))
    .join(" ");
  return [
    `# Ata da ${label} — ${councilName}`,
    "",
    "> DADOS SINTÉTICOS gerados para desenvolvimento e testes de desempenho.",
    "",
    `Aos ${day} dias do mês de ${month} de ${year}, reuniu-se o ${councilName}, com a presença de ${present} conselheiros e conselheiras, verificado o quórum regimental.`,
    "",
    "## Pauta",
    items,
    "",
    "## Deliberações",
    decisions,
    "",
    "Nada mais havendo a tratar, a presidência encerrou a reunião, e eu, secretária executiva, lavrei a presente ata.",
  ].join("\n");
}
