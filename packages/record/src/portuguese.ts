/**
 * The research file paraphrases a few texts in English where the graph shows them as data (titles, labels, places,
 * names), and the graph's data is Portuguese (DESIGN: schema text in English, data as the city writes it). This is
 * our rendering of those texts, one for one, adding and dropping nothing; the file itself stays verbatim. A test
 * checks that every text below still occurs in the file and that no display text of the record is left in English.
 */
export const PORTUGUESE_RENDERING: Readonly<Record<string, string>> = {
  "Plano Diretor then in force; art. 130 creates the COMPUR": "Plano Diretor então vigente; o art. 130 cria o COMPUR",
  "Novo Plano Diretor; new COMPUR duties": "Novo Plano Diretor; novas atribuições do COMPUR",
  "Lei do COMAC (art. 12 §1 governs convocation by the president)": "Lei do COMAC (o art. 12, § 1º, rege a convocação pelo presidente)",
  "Conselho Municipal de Juventude (revoked by the law resulting from PL 19/2025)":
    "Conselho Municipal de Juventude (revogada pela lei resultante do PL 19/2025)",
  "Sistema Municipal de Participação Popular e Cidadã (consolidates the regional councils)":
    "Sistema Municipal de Participação Popular e Cidadã (consolida os conselhos regionais)",
  "Art. 5º II: basis for COMAC's environmental licensing": "Art. 5º, II: base do licenciamento ambiental pelo COMAC",
  "Administrative reform; basis of the 2025 secretariat-structure decrees":
    "Reforma administrativa; base dos decretos de estrutura das secretarias de 2025",
  "Estrutura da Secretaria Municipal de Defesa Social (includes the Subsecretaria de Proteção e Defesa Civil)":
    "Estrutura da Secretaria Municipal de Defesa Social (inclui a Subsecretaria de Proteção e Defesa Civil)",
  "Estrutura da Secretaria Municipal de Direitos Humanos e Cidadania (includes the Superintendência de Políticas Públicas para as Pessoas Idosas)":
    "Estrutura da Secretaria Municipal de Direitos Humanos e Cidadania (inclui a Superintendência de Políticas Públicas para as Pessoas Idosas)",
  "reunião da mesa diretora (per the pauta heading)": "reunião da mesa diretora (conforme o cabeçalho da pauta)",
  "first meeting of the composition under the new Plano Diretor": "primeira reunião da composição sob o novo Plano Diretor",
  "Sala de Treinamento da SEDECON, Rua Haeckel Ben Hur Salvador, 180, Bairro Cinco (the minutes say Sala Mineira do Empreendedor de Contagem)":
    "Sala de Treinamento da SEDECON, Rua Haeckel Ben Hur Salvador, 180, Bairro Cinco (a ata diz Sala Mineira do Empreendedor de Contagem)",
  "presencial (place not in the excerpt)": "presencial (o trecho da fonte não diz o local)",
  "Eleições dos Conselhos Regionais (2023 and 2025)": "Eleições dos Conselhos Regionais (2023 e 2025)",
};

/** A display text of the record in Portuguese: our rendering where the file paraphrased it in English. */
export const inPortuguese = <T extends string | null | undefined>(text: T): T =>
  (typeof text === "string" && text in PORTUGUESE_RENDERING ? PORTUGUESE_RENDERING[text] : text) as T;
