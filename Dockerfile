# One image for every action in this repository.
#
# The runner builds a Dockerfile action with the Dockerfile's own folder as the build context, so a
# Dockerfile under actions/<name>/ could never see src/Shared. Each action.yml therefore points here
# (image: ../../Dockerfile) and names itself in args; steps of one job then share one cached build.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
COPY actions/ actions/
# For the build machine's runtime, framework-dependent: an action that asks for ReadyToRun (docker-cleanup,
# whose short runs are mostly start-up) gets precompiled code; the others publish as before.
RUN set -eu; \
    for project in actions/*/*.csproj; do \
      name="$(basename "$(dirname "$project")")"; \
      dotnet publish "$project" -c Release --use-current-runtime --self-contained false -o "/app/$name" --nologo; \
    done

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# release-artifacts reads the history and builds the archive from the git object store with the git CLI.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends git \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /app /app
COPY eng/run-action.sh /app/run-action.sh
ENTRYPOINT ["/app/run-action.sh"]
