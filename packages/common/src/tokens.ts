import { GraphQLError, Lexer, Source, TokenKind } from "graphql";

/** The lexical tokens of a GraphQL document, or null when it does not lex (the parser then says where). */
export function countTokens(body: string): number | null {
  const lexer = new Lexer(new Source(body));
  let tokens = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) tokens++;
  } catch (error) {
    if (error instanceof GraphQLError) return null;
    throw error;
  }
  return tokens;
}
