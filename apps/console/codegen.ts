import type { CodegenConfig } from "@graphql-codegen/cli";

// The console's operations are typed against the published public schema (schema/public.graphql, `npm run schema`).
const config: CodegenConfig = {
  schema: "../../schema/public.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**"],
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: { enumsAsTypes: true, useTypeImports: true, scalars: { DateTime: "string", Date: "string", ID: "string" } },
    },
  },
  ignoreNoDocuments: false,
  silent: true,
};
export default config;
