// The meetings subgraph is built in its own issue (see README): this workspace holds its place in the monorepo.
export {};
