# syntax=docker/dockerfile:1
# The web image: the SPA built with Vite, served by nginx, which also proxies /api/ and /health/.
# Build from the repo root:  docker build -f deploy/frontend.Dockerfile -t playlist-service-web .

FROM node:20-bookworm-slim AS build
WORKDIR /src/frontend
# Install from the lock file alone first, so the dependency layer is cached across source edits.
COPY frontend/package.json frontend/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY openapi /src/openapi
COPY frontend ./
RUN npm run build

FROM nginx:1.27-alpine
# The official image renders /etc/nginx/templates/*.template with envsubst into /etc/nginx/conf.d/
# at start (docs: "Using environment variables in nginx configuration").
ENV BACKEND_UPSTREAM=backend:8080
COPY deploy/nginx.conf /etc/nginx/templates/default.conf.template
COPY --from=build /src/frontend/dist /usr/share/nginx/html
EXPOSE 80
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD wget -q -O /dev/null http://127.0.0.1/ || exit 1
