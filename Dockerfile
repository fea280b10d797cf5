# A small image of the CLI: docker build -t scamscan . && docker run --rm -v "$PWD:/data" scamscan classify /data/call.txt
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY src ./src
COPY bin ./bin
COPY lexicons ./lexicons
COPY samples ./samples
COPY tsconfig.json ./
RUN npm ci && npm prune --omit=dev

FROM node:20-slim
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/bin ./bin
COPY --from=build /app/dist ./dist
COPY --from=build /app/lexicons ./lexicons
USER node
ENTRYPOINT ["node", "/app/bin/scamscan.js"]
CMD ["--help"]
