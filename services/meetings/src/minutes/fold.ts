// The folding is shared (packages/schema/src/fold.ts): every search of the graph folds text and queries alike.
export { excerptOf, foldQuery, foldText, foldWord, highlight } from "@contagem/schema";
