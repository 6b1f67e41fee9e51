# syntax=docker/dockerfile:1
# The skills process (services/OneStop.Skills). Build from the repository root:
#   docker build -f deploy/docker/skills.Dockerfile -t onestop/skills .
# Tests lint this file (tests/OneStop.Deploy.Tests): every COPY source exists, every project the process references
# is copied before the restore, and the entrypoint names the dll the project publishes.

FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
WORKDIR /src
# Restore first, from only what restore reads, so a change to the sources reuses the restored layer. Locked: the
# packages.lock.json files decide the versions, as in CI.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY services/OneStop.ServiceDefaults/OneStop.ServiceDefaults.csproj services/OneStop.ServiceDefaults/packages.lock.json services/OneStop.ServiceDefaults/
COPY services/OneStop.Directory.Client/OneStop.Directory.Client.csproj services/OneStop.Directory.Client/packages.lock.json services/OneStop.Directory.Client/
COPY services/OneStop.Skills/OneStop.Skills.csproj services/OneStop.Skills/packages.lock.json services/OneStop.Skills/
RUN dotnet restore services/OneStop.Skills/OneStop.Skills.csproj --locked-mode

# The contract (Grpc.Tools generates the code at build time), then the sources.
COPY protos/ protos/
COPY services/OneStop.ServiceDefaults/ services/OneStop.ServiceDefaults/
COPY services/OneStop.Directory.Client/ services/OneStop.Directory.Client/
COPY services/OneStop.Skills/ services/OneStop.Skills/
RUN dotnet publish services/OneStop.Skills/OneStop.Skills.csproj -c Release --no-restore -o /app

# Chiselled Ubuntu: no shell, no package manager, non-root by default. "extra" adds ICU and tzdata, which culture-aware
# text (German, Arabic, Ukrainian) and Europe/Berlin need.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra AS runtime
WORKDIR /app
COPY --from=build /app ./
# $APP_UID (1654) is the image's non-root user; the Kubernetes manifests run as the same id.
USER $APP_UID
EXPOSE 5103
ENTRYPOINT ["dotnet", "OneStop.Skills.dll"]
