import type { CodegenConfig } from "@graphql-codegen/cli";

// Typed against the published SDL: the file the gateway serves at /schema.graphql (a client outside this repository
// downloads it: `curl -o schema.graphql http://localhost:4000/schema.graphql`).
const config: CodegenConfig = {
  schema: "../../schema/public.graphql",
  documents: ["src/**/*.ts", "!src/gql/**"],
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: { scalars: { DateTime: "string", Date: "string", JSON: "unknown" }, enumsAsTypes: true, useTypeImports: true },
    },
  },
  silent: true,
};
export default config;
