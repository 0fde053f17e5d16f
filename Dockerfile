# syntax=docker/dockerfile:1
#
# The gateway's image (the default target) and the carrier simulator's (`--target
# simulator`), built from the repository's root. docs/deploy.md explains each setting;
# apps/gateway/test/docs/deploy-recipes.test.ts keeps this file to what the tests run.
#
#   docker build -t parcelgate-gateway .
#   docker run --rm -e DATABASE_URL=postgres://... parcelgate-gateway migrate
#   docker run -d -p 8080:8080 -e DATABASE_URL=postgres://... parcelgate-gateway serve

# ---- build: the whole workspace, built once, then the gateway deployed alone --------------
FROM node:24-slim AS build
# The version package.json pins (packageManager).
RUN npm install -g pnpm@12.4.2
WORKDIR /repo
# Dependencies first, from the lockfile alone: this layer is reused until the lockfile changes.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch
COPY . .
RUN pnpm install --offline --frozen-lockfile
RUN pnpm turbo run build --filter=@parcelgate/gateway... --filter=@parcelgate/carrier-sim
# A folder holding the gateway, its built workspace dependencies and its production
# dependencies only (no devDependencies, no other workspace package).
RUN pnpm --filter @parcelgate/gateway --prod deploy /deploy/gateway
RUN pnpm --filter @parcelgate/carrier-sim --prod deploy /deploy/carrier-sim

# ---- simulator: the simulated carriers, for a demo or a staging environment --------------
FROM node:24-slim AS simulator
ENV CARRIER_SIM_HOST=0.0.0.0
ENV CARRIER_SIM_PORT=4010
WORKDIR /app
COPY --from=build --chown=node:node /deploy/carrier-sim ./
USER node
EXPOSE 4010
# What the tests start (@parcelgate/test-stack): Node runs the TypeScript source itself.
ENTRYPOINT ["node", "src/main.ts"]

# ---- gateway: one image for every role; the role is the command ---------------------------
FROM node:24-slim AS gateway
# A container is reached through its network: listen on every interface (the default,
# 127.0.0.1, is for a gateway started by hand on a machine).
ENV HOST=0.0.0.0
ENV PORT=8080
# Refuses the embedded database and the simulator unless explicitly allowed.
ENV PARCELGATE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /deploy/gateway ./
# The node image's unprivileged user (uid 1000): the gateway needs no root.
USER node
EXPOSE 8080
# The gateway's Node flags (apps/gateway/package.json, parcelgate.nodeFlags).
ENTRYPOINT ["node", "--max-semi-space-size=16", "dist/main.js"]
# serve, worker or migrate (docs/deploy.md); no role runs the API and the jobs together.
CMD ["serve"]
