# The API image. Neo4j and Redis run as their own containers (docker-compose.yml), so the image
# needs no Java: NEO4J_URI is always set there.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
COPY cypher ./cypher
COPY config ./config
COPY sql ./sql
COPY schema ./schema
RUN npm run build:ts && npm run build:web

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY --from=build /app/src/web/dist ./src/web/dist
COPY cypher ./cypher
COPY config ./config
COPY sql ./sql
COPY schema ./schema
EXPOSE 4000
USER node
CMD ["node", "dist/src/main.js"]
