# The actions image(s). One Dockerfile at the repository root, because the runner builds a Dockerfile action
# with the Dockerfile's own folder as the build context and every action needs src/Shared (see
# docs/architecture.md, "Departures").
#
# Two ways it is built:
#   - by the runner, for `uses: ./actions/<name>` (each action.yml says image: ../../Dockerfile): the last
#     stage, `actions`, holds every action, framework-dependent (PUBLISH=jit), so a source change rebuilds in
#     seconds (only the changed action's stage reruns; restore is its own layer keyed on the project files,
#     src/Shared is compiled once in its own stage, and the actions compile against its API only, so an edit
#     inside src/Shared's method bodies recompiles src/Shared alone);
#   - by eng/release-images.sh, for released versions: one small image per action (--target <name>) with
#     PUBLISH=aot, Native AOT on runtime-deps, pushed to a registry; released action.yml files name them
#     with docker://.
#
# Base images are pinned by digest (Dependabot's docker ecosystem keeps them current; it reads FROM lines only,
# so the pins live here and not in ARGs). eng/ builds against stand-ins with the same names where the
# registry cannot be reached; see eng/lib/image.sh.
# Analyzer warnings are errors in CI's `dotnet build`, never here: a new analyzer must not break a user's run.
ARG PUBLISH=jit

FROM mcr.microsoft.com/dotnet/sdk:10.0@sha256:ea8bde36c11b6e7eec2656d0e59101d4462f6bd630730f2c8201ed0572b295d5 AS restore
# jit: framework-dependent IL, no ReadyToRun (the runner's build: compile time counts, see the action projects);
# aot: Native AOT where an action allows it, else ReadyToRun.
# Kept as ENV so the publish stages below see the same value the restore used.
ARG PUBLISH
ENV TAILPASTE_PUBLISH=$PUBLISH TAILPASTE_IMAGE_BUILD=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WORKDIR /src
RUN if [ "$PUBLISH" = aot ] && ! command -v clang >/dev/null; then \
      apt-get update \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends clang lld zlib1g-dev \
      && rm -rf /var/lib/apt/lists/*; \
    fi
# Restore keyed on the project files and build settings only: a source edit keeps this layer.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Shared/Shared.csproj src/Shared/
COPY actions/backup-restore/BackupRestore.csproj actions/backup-restore/
COPY actions/deploy/Deploy.csproj actions/deploy/
COPY actions/docker-cleanup/DockerCleanup.csproj actions/docker-cleanup/
COPY actions/health-check/HealthCheck.csproj actions/health-check/
COPY actions/release-artifacts/ReleaseArtifacts.csproj actions/release-artifacts/
COPY actions/validate-workflows/ValidateWorkflows.csproj actions/validate-workflows/
RUN for project in actions/*/*.csproj; do \
      dotnet restore "$project" --use-current-runtime -p:TailpastePublish="$PUBLISH" || exit 1; \
    done

# src/Shared compiled once, with the global properties every publish below passes to it (aot: each action's
# publish then finds it up to date and skips its compile). It also lays out two small trees for the runner's
# build (jit), so an edit inside a method body of src/Shared reruns this stage and no action's compile:
#   /shared/api      the reference assembly (public and internal API only; deterministic, so byte-identical
#                    after a body-only edit) at the path MSBuild compiles against, and a copy of it at the
#                    implementation's path, which a publish that does not build its references copies out;
#   /shared/runtime  the implementation and its .pdb, laid over each action's output afterwards (empty for aot).
# BuildKit keys `COPY --from` on the copied files' content, so the compiles keep their cache while the API bytes
# stay the same. aot (released images) keeps compiling against the whole of src/Shared: Native AOT and ReadyToRun
# compile the program as one.
FROM restore AS shared
COPY src/Shared/ src/Shared/
RUN dotnet build src/Shared --no-restore -c Release --use-current-runtime -p:TailpastePublish="$TAILPASTE_PUBLISH" \
    && mkdir -p /shared/api /shared/runtime \
    && for api in src/Shared/obj/Release/*/*/ref/Tailpaste.Shared.dll; do \
         output="$(echo "$api" | sed 's#^src/Shared/obj/\(.*\)/ref/\(.*\)$#src/Shared/bin/\1/\2#')"; \
         install -D -m 644 "$api" "/shared/api/$api" && install -D -m 644 "$api" "/shared/api/$output" || exit 1; \
         if [ "$TAILPASTE_PUBLISH" = jit ]; then cp "$output" "${output%.dll}.pdb" /shared/runtime/ || exit 1; fi; \
       done

# What each action compiles against. jit: the restore plus src/Shared's API, and MSBuild told not to build
# src/Shared (its sources are not here); aot: the whole shared stage, built as before.
FROM restore AS shared-api-jit
COPY --from=shared /shared/api/ ./
ENV TAILPASTE_BUILD_SHARED=false

FROM shared AS shared-api-aot
ENV TAILPASTE_BUILD_SHARED=true

FROM shared-api-${PUBLISH} AS shared-api

# One stage per action: an edit in one action reruns that action's compile alone. BuildKit (eng/lib/image.sh,
# and the runner's docker) runs them side by side and builds only the stages the target needs.
FROM shared-api AS compile-backup-restore
COPY actions/backup-restore/ actions/backup-restore/
RUN dotnet publish actions/backup-restore --no-restore -c Release --use-current-runtime \
      -p:TailpastePublish="$TAILPASTE_PUBLISH" -p:BuildProjectReferences="$TAILPASTE_BUILD_SHARED" -o /app/backup-restore

FROM shared-api AS compile-deploy
COPY actions/deploy/ actions/deploy/
RUN dotnet publish actions/deploy --no-restore -c Release --use-current-runtime \
      -p:TailpastePublish="$TAILPASTE_PUBLISH" -p:BuildProjectReferences="$TAILPASTE_BUILD_SHARED" -o /app/deploy

FROM shared-api AS compile-docker-cleanup
COPY actions/docker-cleanup/ actions/docker-cleanup/
RUN dotnet publish actions/docker-cleanup --no-restore -c Release --use-current-runtime \
      -p:TailpastePublish="$TAILPASTE_PUBLISH" -p:BuildProjectReferences="$TAILPASTE_BUILD_SHARED" -o /app/docker-cleanup

FROM shared-api AS compile-health-check
COPY actions/health-check/ actions/health-check/
RUN dotnet publish actions/health-check --no-restore -c Release --use-current-runtime \
      -p:TailpastePublish="$TAILPASTE_PUBLISH" -p:BuildProjectReferences="$TAILPASTE_BUILD_SHARED" -o /app/health-check

FROM shared-api AS compile-release-artifacts
COPY actions/release-artifacts/ actions/release-artifacts/
RUN dotnet publish actions/release-artifacts --no-restore -c Release --use-current-runtime \
      -p:TailpastePublish="$TAILPASTE_PUBLISH" -p:BuildProjectReferences="$TAILPASTE_BUILD_SHARED" -o /app/release-artifacts

FROM shared-api AS compile-validate-workflows
COPY actions/validate-workflows/ actions/validate-workflows/
RUN dotnet publish actions/validate-workflows --no-restore -c Release --use-current-runtime \
      -p:TailpastePublish="$TAILPASTE_PUBLISH" -p:BuildProjectReferences="$TAILPASTE_BUILD_SHARED" -o /app/validate-workflows

# Each action's publish output with src/Shared's implementation laid over the reference assembly it was
# compiled against (jit); nothing changes for aot. The released targets and `actions` copy from these.
FROM compile-backup-restore AS publish-backup-restore
COPY --from=shared /shared/runtime/ /app/backup-restore/

FROM compile-deploy AS publish-deploy
COPY --from=shared /shared/runtime/ /app/deploy/

FROM compile-docker-cleanup AS publish-docker-cleanup
COPY --from=shared /shared/runtime/ /app/docker-cleanup/

FROM compile-health-check AS publish-health-check
COPY --from=shared /shared/runtime/ /app/health-check/

FROM compile-release-artifacts AS publish-release-artifacts
COPY --from=shared /shared/runtime/ /app/release-artifacts/

FROM compile-validate-workflows AS publish-validate-workflows
COPY --from=shared /shared/runtime/ /app/validate-workflows/

# What every action image starts from: the native dependencies of .NET, the entry point, and labels
# docker-cleanup can select (tailpaste.actions=<name>; see actions/docker-cleanup/README.md).
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0@sha256:962ef681468320cc5ef25fa18259cf3200247cec2ee96c2574174d4824272151 AS base
# eng/release-images.sh passes the version, commit and repository address.
ARG VERSION=dev
ARG REVISION=
ARG SOURCE=
LABEL org.opencontainers.image.title="tailpaste-actions" \
      org.opencontainers.image.description="Tailpaste CI/CD actions" \
      org.opencontainers.image.version="$VERSION" \
      org.opencontainers.image.revision="$REVISION" \
      org.opencontainers.image.source="$SOURCE"
COPY eng/run-action.sh /app/run-action.sh
ENTRYPOINT ["/app/run-action.sh"]

# release-artifacts reads history and builds archives from the git object store with the git CLI.
FROM base AS base-git
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends git \
    && rm -rf /var/lib/apt/lists/*

# The .NET runtime, for the runner-built image (framework-dependent) and any action that is not Native AOT.
FROM mcr.microsoft.com/dotnet/runtime:10.0@sha256:58318ab0733b63d3ac0d7609c46f2718244e623a176f45991ee01fad46fbf880 AS dotnet-runtime

FROM base-git AS base-git-dotnet
COPY --from=dotnet-runtime /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet

# Released images, one per action (eng/release-images.sh builds them with PUBLISH=aot): every action is Native
# AOT on runtime-deps (its own JSON source-generated; Octokit rooted with the constructors its JSON mapping
# looks up, src/Shared/GitHub/OctokitNativeAot.xml), release-artifacts with git beside it.
FROM base AS backup-restore
LABEL tailpaste.actions="backup-restore"
COPY --from=publish-backup-restore /app/backup-restore /app/backup-restore

FROM base AS deploy
LABEL tailpaste.actions="deploy"
COPY --from=publish-deploy /app/deploy /app/deploy

FROM base AS docker-cleanup
LABEL tailpaste.actions="docker-cleanup"
COPY --from=publish-docker-cleanup /app/docker-cleanup /app/docker-cleanup

FROM base AS health-check
LABEL tailpaste.actions="health-check"
COPY --from=publish-health-check /app/health-check /app/health-check

FROM base-git AS release-artifacts
LABEL tailpaste.actions="release-artifacts"
COPY --from=publish-release-artifacts /app/release-artifacts /app/release-artifacts

FROM base AS validate-workflows
LABEL tailpaste.actions="validate-workflows"
COPY --from=publish-validate-workflows /app/validate-workflows /app/validate-workflows

# Last, so it is what the runner builds: every action, with the .NET runtime and git.
FROM base-git-dotnet AS actions
LABEL tailpaste.actions="all"
COPY --from=publish-backup-restore /app/backup-restore /app/backup-restore
COPY --from=publish-deploy /app/deploy /app/deploy
COPY --from=publish-docker-cleanup /app/docker-cleanup /app/docker-cleanup
COPY --from=publish-health-check /app/health-check /app/health-check
COPY --from=publish-release-artifacts /app/release-artifacts /app/release-artifacts
COPY --from=publish-validate-workflows /app/validate-workflows /app/validate-workflows
