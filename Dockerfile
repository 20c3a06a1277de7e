# syntax=docker/dockerfile:1
# Multi-stage build: the SDK image builds and publishes; a chiseled (distroless) ASP.NET runtime image runs it as a
# non-root user. Needs nothing but Docker: Node.js comes from the SDK image's own distribution packages.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The csproj restores htmx with `npm ci` (pinned in package-lock.json) and copies it into wwwroot/lib; the SDK image has
# no Node.js. The .NET 10 SDK image is Ubuntu 24.04, whose own nodejs/npm packages are enough for `npm ci`.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Published for the image's platform (BuildKit sets TARGETARCH), so the app's own code is precompiled (ReadyToRun) and
# the command-line verbs do not wait for the JIT; still framework-dependent, on the runtime image's .NET.
ARG TARGETARCH
COPY Directory.Build.props Directory.Packages.props JourneyOrg.sln ./
COPY src/JourneyOrg.Core/JourneyOrg.Core.csproj src/JourneyOrg.Core/
COPY src/JourneyOrg.Web/JourneyOrg.Web.csproj src/JourneyOrg.Web/package.json src/JourneyOrg.Web/package-lock.json src/JourneyOrg.Web/
# Restores change only with the project files and the lock file: cached layers for every other edit.
RUN rid=linux-$([ "$TARGETARCH" = arm64 ] && echo arm64 || echo x64) \
    && dotnet restore src/JourneyOrg.Web/JourneyOrg.Web.csproj -r "$rid" \
    && cd src/JourneyOrg.Web && npm ci --no-audit --no-fund
COPY src/ src/
# The demo workspace, loaded on first start into an empty store (the csproj links ../../seed/demo-workspace.json).
COPY seed/ seed/
RUN rid=linux-$([ "$TARGETARCH" = arm64 ] && echo arm64 || echo x64) \
    && dotnet publish src/JourneyOrg.Web/JourneyOrg.Web.csproj -c Release -r "$rid" --self-contained false -o /app --no-restore \
    && mkdir -p /data

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled AS runtime
WORKDIR /app
COPY --from=build /app ./
# The SQLite store's folder, owned by the image's unprivileged user (app, uid 1654); unused with Neo4j.
COPY --from=build --chown=1654:1654 /data /data
USER 1654
ENV ASPNETCORE_URLS=http://+:8080 \
    JOURNEYORG_DATA=/data
EXPOSE 8080
# The image has no shell and no curl: the app checks itself (GET /healthz on its own port, exit 0 or 1).
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["dotnet", "/app/JourneyOrg.Web.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "/app/JourneyOrg.Web.dll"]
