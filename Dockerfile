# Keel in one image: API, webhooks and the dashboard on one port.
# Build: docker build -t keel .   Run: see docker-compose.yml.
FROM node:22-bookworm-slim
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH CI=true
RUN npm install -g pnpm@10
WORKDIR /app

# Dependencies first, so code changes do not reinstall them.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml tsconfig.base.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY web/package.json web/
COPY test/package.json test/
COPY scripts/prisma-generate.mjs scripts/
COPY prisma prisma
RUN pnpm install --frozen-lockfile

COPY . .
RUN pnpm generate && pnpm build

ENV NODE_ENV=production PORT=3000 KEEL_DATA_DIR=/data KEEL_HOST=0.0.0.0
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s CMD node -e "fetch('http://127.0.0.1:3000/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "server/bin/keel.mjs", "start"]
