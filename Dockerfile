# syntax=docker/dockerfile:1
# Multi-stage build: the SDK image builds and publishes; the ASP.NET runtime image runs it as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props JourneyOrg.sln ./
COPY src/JourneyOrg.Core/JourneyOrg.Core.csproj src/JourneyOrg.Core/
COPY src/JourneyOrg.Web/JourneyOrg.Web.csproj src/JourneyOrg.Web/
RUN dotnet restore src/JourneyOrg.Web/JourneyOrg.Web.csproj
COPY src/ src/
RUN dotnet publish src/JourneyOrg.Web/JourneyOrg.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The image's built-in unprivileged user (uid 1654); /data only matters for the SQLite store.
RUN mkdir -p /data && chown app:app /data
USER app
ENV ASPNETCORE_URLS=http://+:8080 \
    JOURNEYORG_DATA=/data
EXPOSE 8080
# Health: GET /healthz (the runtime image has no curl; the load balancer or orchestrator probes it).
ENTRYPOINT ["dotnet", "JourneyOrg.Web.dll"]
