export { decideContagemFixture, DECIDE_CONTAGEM_HOST, FMIC_PROPOSALS } from "./fixture";
export {
  connection,
  DECIDIM_MAX_PER_PAGE,
  DECIDIM_RELEASE,
  DECIDIM_SDL_PATH,
  decidimSchema,
  decidimSdl,
  encodeCursor,
  standinSchema,
} from "./schema";
export { DecidimStandin, type StandinFault, type StandinOptions, type StandinRequest } from "./server";
export * from "./store";
export { DECIDIM_MAX_COMPLEXITY, DECIDIM_MAX_DEPTH, decidimLimitErrors } from "./limits";
