#!/usr/bin/env python3
"""Writes the benchmark corpus: real-world-shaped GitHub Actions workflows under bench/corpus/.github/workflows.

Each file is one of the patterns listed in bench/corpus/README.md (modelled on actions/starter-workflows and on
the workflows of well-known open-source projects), with randomised but plausible details: names, branches,
versions, matrices, schedules, pins. About one file in five gets one or two realistic mistakes (a typo in a key,
a bad cron, a script injection, a missing job...), so the linters have something to find.

Deterministic: the same seed writes byte-identical files.  usage: generate-corpus.py [--count N] [--seed S]
"""
import argparse
import os
import random
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "corpus", ".github", "workflows"))

SHA = "11bd71901bbe5b1630ceea73d27597364c9af683"


def sha(r):
    return "".join(r.choice("0123456789abcdef") for _ in range(40))


def pick(r, *options):
    return r.choice(options)


def checkout(r):
    return pick(r, "actions/checkout@v4", f"actions/checkout@{SHA} # v4.2.2", "actions/checkout@v5")


def branches(r):
    return pick(r, "[main]", "[ main ]", "[main, develop]", '[ "main", "release/**" ]', "[master]")


def push_pr(r):
    return f"""on:
  push:
    branches: {branches(r)}
  pull_request:
    branches: {branches(r)}
"""


def perms(r, text="contents: read"):
    return pick(r, f"permissions:\n  {text}\n\n", "")


def dotnet(r):
    versions = pick(r, "['8.0.x']", "['8.0.x', '9.0.x']", "[ '6.0.x', '8.0.x' ]")
    return f"""name: .NET

{push_pr(r)}
{perms(r)}jobs:
  build:
    runs-on: ${{{{ matrix.os }}}}
    strategy:
      fail-fast: false
      matrix:
        os: [ubuntu-latest, windows-latest, macos-latest]
        dotnet: {versions}
    steps:
    - uses: {checkout(r)}
    - name: Setup .NET
      uses: actions/setup-dotnet@v4
      with:
        dotnet-version: ${{{{ matrix.dotnet }}}}
    - name: Restore dependencies
      run: dotnet restore
    - name: Build
      run: dotnet build --no-restore -c Release
    - name: Test
      run: dotnet test --no-build -c Release --verbosity normal --logger trx --results-directory TestResults
    - name: Upload test results
      if: ${{{{ always() }}}}
      uses: actions/upload-artifact@v4
      with:
        name: test-results-${{{{ matrix.os }}}}-${{{{ matrix.dotnet }}}}
        path: TestResults
"""


def node(r):
    versions = pick(r, "[18.x, 20.x, 22.x]", "[20.x]", "['lts/*', 'latest']")
    manager = pick(r, "npm", "yarn", "pnpm")
    install = {"npm": "npm ci", "yarn": "yarn install --frozen-lockfile", "pnpm": "pnpm install --frozen-lockfile"}[manager]
    return f"""# This workflow will do a clean installation of node dependencies, cache/restore them, build the source code and run tests
name: Node.js CI

{push_pr(r)}
{perms(r)}jobs:
  build:

    runs-on: ubuntu-latest

    strategy:
      matrix:
        node-version: {versions}

    steps:
    - uses: {checkout(r)}
    - name: Use Node.js ${{{{ matrix.node-version }}}}
      uses: actions/setup-node@v4
      with:
        node-version: ${{{{ matrix.node-version }}}}
        cache: '{manager}'
    - run: {install}
    - run: {manager} run build --if-present
    - run: {manager} test
      env:
        CI: true
"""


def python(r):
    versions = pick(r, '["3.9", "3.10", "3.11"]', '["3.11", "3.12", "3.13"]', "['3.12']")
    return f"""name: Python package

on:
  push:
    branches: {branches(r)}
  pull_request:

{perms(r)}jobs:
  test:
    runs-on: ubuntu-latest
    timeout-minutes: {pick(r, 10, 15, 30, 60)}
    strategy:
      fail-fast: false
      matrix:
        python-version: {versions}
        include:
          - python-version: "3.12"
            coverage: true

    steps:
    - uses: {checkout(r)}
    - name: Set up Python ${{{{ matrix.python-version }}}}
      uses: actions/setup-python@v5
      with:
        python-version: ${{{{ matrix.python-version }}}}
        cache: pip
    - name: Install dependencies
      run: |
        python -m pip install --upgrade pip
        python -m pip install flake8 pytest
        if [ -f requirements.txt ]; then pip install -r requirements.txt; fi
    - name: Lint with flake8
      run: |
        # stop the build if there are Python syntax errors or undefined names
        flake8 . --count --select=E9,F63,F7,F82 --show-source --statistics
        flake8 . --count --exit-zero --max-complexity=10 --max-line-length=127 --statistics
    - name: Test with pytest
      run: pytest ${{{{ matrix.coverage && '--cov' || '' }}}}
"""


def golang(r):
    return f"""name: Go

on:
  push:
    branches: {branches(r)}
    paths-ignore:
      - '**.md'
      - 'docs/**'
  pull_request:
    branches: {branches(r)}

{perms(r)}jobs:

  build:
    runs-on: ubuntu-latest
    steps:
    - uses: {checkout(r)}

    - name: Set up Go
      uses: actions/setup-go@v5
      with:
        go-version: '{pick(r, "1.22", "1.23", "stable")}'

    - name: Build
      run: go build -v ./...

    - name: Test
      run: go test -v -race ./...

  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: {checkout(r)}
      - uses: actions/setup-go@v5
        with:
          go-version: stable
      - name: golangci-lint
        uses: golangci/golangci-lint-action@{pick(r, "v6", sha(r))}
        with:
          version: latest
"""


def docker_publish(r):
    return f"""name: Docker

on:
  schedule:
    - cron: '{r.randint(0, 59)} {r.randint(0, 23)} * * *'
  push:
    branches: [ "main" ]
    tags: [ 'v*.*.*' ]
  pull_request:
    branches: [ "main" ]

env:
  REGISTRY: ghcr.io
  IMAGE_NAME: ${{{{ github.repository }}}}

jobs:
  build:

    runs-on: ubuntu-latest
    permissions:
      contents: read
      packages: write
      id-token: write

    steps:
      - name: Checkout repository
        uses: {checkout(r)}

      - name: Set up Docker Buildx
        uses: docker/setup-buildx-action@{pick(r, "v3", sha(r))}

      - name: Log into registry ${{{{ env.REGISTRY }}}}
        if: github.event_name != 'pull_request'
        uses: docker/login-action@{pick(r, "v3", sha(r))}
        with:
          registry: ${{{{ env.REGISTRY }}}}
          username: ${{{{ github.actor }}}}
          password: ${{{{ secrets.GITHUB_TOKEN }}}}

      - name: Extract Docker metadata
        id: meta
        uses: docker/metadata-action@{pick(r, "v5", sha(r))}
        with:
          images: ${{{{ env.REGISTRY }}}}/${{{{ env.IMAGE_NAME }}}}

      - name: Build and push Docker image
        id: build-and-push
        uses: docker/build-push-action@{pick(r, "v6", sha(r))}
        with:
          context: .
          push: ${{{{ github.event_name != 'pull_request' }}}}
          tags: ${{{{ steps.meta.outputs.tags }}}}
          labels: ${{{{ steps.meta.outputs.labels }}}}
          cache-from: type=gha
          cache-to: type=gha,mode=max

      - name: Digest
        run: echo "digest ${{{{ steps.build-and-push.outputs.digest }}}}"
"""


def codeql(r):
    languages = pick(r, "[ 'javascript-typescript' ]", "[ 'csharp', 'javascript' ]", "[ 'python', 'actions' ]", "[ 'go' ]")
    return f"""name: "CodeQL"

on:
  push:
    branches: [ "main" ]
  pull_request:
    branches: [ "main" ]
  schedule:
    - cron: '{r.randint(0, 59)} {r.randint(0, 23)} * * {r.randint(0, 6)}'

jobs:
  analyze:
    name: Analyze (${{{{ matrix.language }}}})
    runs-on: ${{{{ (matrix.language == 'swift' && 'macos-latest') || 'ubuntu-latest' }}}}
    timeout-minutes: ${{{{ (matrix.language == 'swift' && 120) || 360 }}}}
    permissions:
      security-events: write
      packages: read
      actions: read
      contents: read

    strategy:
      fail-fast: false
      matrix:
        language: {languages}

    steps:
    - name: Checkout repository
      uses: {checkout(r)}

    - name: Initialize CodeQL
      uses: github/codeql-action/init@v3
      with:
        languages: ${{{{ matrix.language }}}}
        queries: security-extended

    - name: Autobuild
      uses: github/codeql-action/autobuild@v3

    - name: Perform CodeQL Analysis
      uses: github/codeql-action/analyze@v3
      with:
        category: "/language:${{{{matrix.language}}}}"
"""


def release(r):
    return f"""name: Release

on:
  push:
    tags:
      - 'v[0-9]+.[0-9]+.[0-9]+'
      - 'v[0-9]+.[0-9]+.[0-9]+-*'

permissions:
  contents: write

jobs:
  build:
    strategy:
      matrix:
        include:
          - os: ubuntu-latest
            target: x86_64-unknown-linux-gnu
          - os: macos-latest
            target: aarch64-apple-darwin
          - os: windows-latest
            target: x86_64-pc-windows-msvc
    runs-on: ${{{{ matrix.os }}}}
    steps:
      - uses: {checkout(r)}
      - name: Build
        shell: bash
        run: |
          cargo build --release --target ${{{{ matrix.target }}}}
          mkdir dist
          cp target/${{{{ matrix.target }}}}/release/tool* dist/
      - uses: actions/upload-artifact@v4
        with:
          name: tool-${{{{ matrix.target }}}}
          path: dist/

  release:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - uses: {checkout(r)}
      - uses: actions/download-artifact@v4
        with:
          path: dist
          merge-multiple: true
      - name: Create release
        env:
          GH_TOKEN: ${{{{ secrets.GITHUB_TOKEN }}}}
          TAG: ${{{{ github.ref_name }}}}
        run: gh release create "$TAG" dist/* --generate-notes --title "$TAG"
"""


def stale(r):
    return f"""name: Mark stale issues and pull requests

on:
  schedule:
  - cron: '{r.randint(0, 59)} {r.randint(0, 23)} * * *'
  workflow_dispatch:

jobs:
  stale:

    runs-on: ubuntu-latest
    permissions:
      issues: write
      pull-requests: write

    steps:
    - uses: actions/stale@v9
      with:
        repo-token: ${{{{ secrets.GITHUB_TOKEN }}}}
        stale-issue-message: 'This issue has been automatically marked as stale.'
        stale-pr-message: 'This pull request has been automatically marked as stale.'
        stale-issue-label: 'no-issue-activity'
        stale-pr-label: 'no-pr-activity'
        days-before-stale: {pick(r, 30, 60, 90)}
        days-before-close: {pick(r, 7, 14)}
        exempt-issue-labels: 'pinned,security'
"""


def labeler(r):
    return """name: Labeler
on:
  pull_request_target:
    types: [opened, synchronize, reopened]

jobs:
  label:

    runs-on: ubuntu-latest
    permissions:
      contents: read
      pull-requests: write

    steps:
    - uses: actions/labeler@v5
      with:
        repo-token: "${{ secrets.GITHUB_TOKEN }}"
        sync-labels: true
"""


def pages(r):
    return f"""name: Deploy static content to Pages

on:
  push:
    branches: ["main"]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: "pages"
  cancel-in-progress: false

jobs:
  deploy:
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    runs-on: ubuntu-latest
    steps:
      - name: Checkout
        uses: {checkout(r)}
      - name: Setup Pages
        uses: actions/configure-pages@v5
      - name: Upload artifact
        uses: actions/upload-pages-artifact@v3
        with:
          path: '{pick(r, ".", "./site", "public")}'
      - name: Deploy to GitHub Pages
        id: deployment
        uses: actions/deploy-pages@v4
"""


def reusable_callee(r, index):
    return f"""name: Reusable build {index}

on:
  workflow_call:
    inputs:
      configuration:
        description: Build configuration
        type: string
        default: Release
      run-tests:
        type: boolean
        default: true
      retries:
        type: number
        required: false
        default: 2
    secrets:
      registry-token:
        required: true
    outputs:
      version:
        description: The computed version
        value: ${{{{ jobs.build.outputs.version }}}}

permissions:
  contents: read

jobs:
  build:
    runs-on: ubuntu-latest
    outputs:
      version: ${{{{ steps.version.outputs.version }}}}
    steps:
      - uses: {checkout(r)}
      - id: version
        run: echo "version=1.$GITHUB_RUN_NUMBER.0" >> "$GITHUB_OUTPUT"
      - name: Build
        run: make build CONFIG=${{{{ inputs.configuration }}}}
      - name: Test
        if: ${{{{ inputs.run-tests }}}}
        run: make test RETRIES=${{{{ inputs.retries }}}}
      - name: Login
        env:
          TOKEN: ${{{{ secrets.registry-token }}}}
        run: echo "$TOKEN" | docker login ghcr.io -u "${{{{ github.actor }}}}" --password-stdin
"""


def reusable_caller(r, callee):
    return f"""name: Build with the shared workflow

on:
  push:
    branches: {branches(r)}
  pull_request:

permissions:
  contents: read

jobs:
  build:
    uses: ./.github/workflows/{callee}
    with:
      configuration: {pick(r, "Release", "Debug")}
      run-tests: {pick(r, "true", "false")}
    secrets:
      registry-token: ${{{{ secrets.REGISTRY_TOKEN }}}}

  remote:
    uses: octo-org/shared-workflows/.github/workflows/lint.yml@{pick(r, "v1", sha(r))}
    with:
      level: strict
    secrets: inherit

  report:
    needs: [build, remote]
    runs-on: ubuntu-latest
    steps:
      - run: echo "built ${{{{ needs.build.outputs.version }}}}"
"""


def dispatch_deploy(r):
    return f"""name: Deploy

on:
  workflow_dispatch:
    inputs:
      environment:
        description: Where to deploy
        type: choice
        options: [staging, production]
        default: staging
      dry-run:
        description: Only print what would change
        type: boolean
        default: false
      version:
        description: Version to deploy (empty for latest)
        required: false
        type: string

permissions:
  contents: read
  id-token: write

concurrency:
  group: deploy-${{{{ inputs.environment }}}}
  cancel-in-progress: false

jobs:
  deploy:
    runs-on: {pick(r, "ubuntu-latest", "[self-hosted, linux, x64]", "ubuntu-22.04")}
    environment: ${{{{ inputs.environment }}}}
    timeout-minutes: 20
    steps:
      - uses: {checkout(r)}
      - name: Configure AWS credentials
        uses: aws-actions/configure-aws-credentials@{pick(r, "v4", sha(r))}
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          aws-region: eu-west-1
      - name: Deploy
        env:
          ENVIRONMENT: ${{{{ inputs.environment }}}}
          VERSION: ${{{{ inputs.version }}}}
          DRY_RUN: ${{{{ inputs.dry-run }}}}
        run: |
          ./scripts/deploy.sh --env "$ENVIRONMENT" --version "${{VERSION:-latest}}" ${{DRY_RUN:+--dry-run}}
"""


def comment_bot(r):
    return """name: Slash command

on:
  issue_comment:
    types: [created]

permissions:
  contents: read
  pull-requests: write

jobs:
  command:
    if: ${{ github.event.issue.pull_request && startsWith(github.event.comment.body, '/rebuild') }}
    runs-on: ubuntu-latest
    steps:
      - name: React
        uses: actions/github-script@v7
        with:
          script: |
            await github.rest.reactions.createForIssueComment({
              owner: context.repo.owner,
              repo: context.repo.repo,
              comment_id: context.payload.comment.id,
              content: 'rocket',
            })
      - name: Echo the command safely
        env:
          BODY: ${{ github.event.comment.body }}
          AUTHOR: ${{ github.event.comment.user.login }}
        run: |
          echo "command from $AUTHOR: $BODY"
"""


def rust(r):
    return f"""name: Rust

on:
  push:
    branches: [ "main" ]
  pull_request:
    branches: [ "main" ]

env:
  CARGO_TERM_COLOR: always
  RUSTFLAGS: -Dwarnings

jobs:
  check:
    runs-on: ubuntu-latest
    steps:
    - uses: {checkout(r)}
    - uses: dtolnay/rust-toolchain@{pick(r, "stable", "1.82", sha(r))}
      with:
        components: clippy, rustfmt
    - uses: Swatinem/rust-cache@{pick(r, "v2", sha(r))}
    - name: Format
      run: cargo fmt --all -- --check
    - name: Clippy
      run: cargo clippy --all-targets --all-features
    - name: Test
      run: cargo test --verbose
  msrv:
    runs-on: ubuntu-latest
    needs: check
    continue-on-error: true
    steps:
    - uses: {checkout(r)}
    - uses: dtolnay/rust-toolchain@1.70
    - run: cargo check
"""


def java(r):
    tool = pick(r, "maven", "gradle")
    build = "mvn -B package --file pom.xml" if tool == "maven" else "./gradlew build"
    return f"""name: Java CI with {tool.capitalize()}

on:
  push:
    branches: [ "main" ]
  pull_request:
    branches: [ "main" ]

jobs:
  build:

    runs-on: ubuntu-latest
    permissions:
      contents: read

    steps:
    - uses: {checkout(r)}
    - name: Set up JDK {pick(r, 17, 21)}
      uses: actions/setup-java@v4
      with:
        java-version: '{pick(r, 17, 21)}'
        distribution: '{pick(r, "temurin", "zulu", "corretto")}'
        cache: {tool}
    - name: Build with {tool.capitalize()}
      run: {build}

  dependency-submission:

    runs-on: ubuntu-latest
    permissions:
      contents: write

    steps:
    - uses: {checkout(r)}
    - uses: actions/setup-java@v4
      with:
        java-version: '17'
        distribution: 'temurin'
    - name: Submit the dependency graph
      uses: {"advanced-security/maven-dependency-submission-action@v4" if tool == "maven" else "gradle/actions/dependency-submission@v4"}
"""


def pr_title(r):
    return """name: PR title

on:
  pull_request_target:
    types:
      - opened
      - edited
      - synchronize

permissions:
  pull-requests: read

jobs:
  main:
    name: Validate PR title
    runs-on: ubuntu-latest
    steps:
      - name: Check the title follows Conventional Commits
        env:
          TITLE: ${{ github.event.pull_request.title }}
        run: |
          if ! printf '%s' "$TITLE" | grep -Eq '^(feat|fix|docs|chore|refactor|test|ci|build|perf)(\\(.+\\))?!?: '; then
            echo "::error::PR title must follow Conventional Commits"
            exit 1
          fi
"""


def services(r):
    return f"""name: Integration tests

on:
  push:
    branches: {branches(r)}
  schedule:
    - cron: '{pick(r, "0 3 * * *", "*/30 * * * *", "15 2 * * 1-5", "0 0 * * SUN")}'

permissions:
  contents: read

jobs:
  integration:
    runs-on: ubuntu-latest
    timeout-minutes: 30
    services:
      postgres:
        image: postgres:{pick(r, 15, 16, 17)}
        env:
          POSTGRES_USER: app
          POSTGRES_PASSWORD: app
          POSTGRES_DB: app_test
        ports:
          - 5432:5432
        options: >-
          --health-cmd pg_isready
          --health-interval 10s
          --health-timeout 5s
          --health-retries 5
      redis:
        image: redis:7
        ports:
          - 6379:6379
    env:
      DATABASE_URL: postgres://app:app@localhost:5432/app_test
      REDIS_URL: redis://localhost:6379
    steps:
      - uses: {checkout(r)}
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm ci
      - run: npm run migrate
      - run: npm run test:integration
"""


def container_job(r):
    return f"""name: Build in a container

on: [push, pull_request]

permissions:
  contents: read

jobs:
  build:
    runs-on: ubuntu-latest
    container:
      image: {pick(r, "debian:bookworm", "ubuntu:24.04", "fedora:41", "alpine:3.20")}
      options: --user root
      env:
        DEBIAN_FRONTEND: noninteractive
    defaults:
      run:
        shell: {pick(r, "bash", "sh")}
        working-directory: src
    steps:
      - uses: {checkout(r)}
      - name: Build
        run: |
          ./configure --prefix=/usr
          make -j"$(nproc)"
          make check
"""


def artifacts_pipeline(r):
    return f"""name: Build, test, package

on:
  push:
    branches: {branches(r)}
  pull_request:

permissions:
  contents: read

jobs:
  version:
    runs-on: ubuntu-latest
    outputs:
      version: ${{{{ steps.v.outputs.version }}}}
      prerelease: ${{{{ steps.v.outputs.prerelease }}}}
    steps:
      - uses: {checkout(r)}
        with:
          fetch-depth: 0
      - id: v
        run: |
          version="$(git describe --tags --always)"
          echo "version=$version" >> "$GITHUB_OUTPUT"
          echo "prerelease=${{{{ github.ref != 'refs/heads/main' }}}}" >> "$GITHUB_OUTPUT"

  build:
    needs: version
    runs-on: ubuntu-latest
    steps:
      - uses: {checkout(r)}
      - run: make VERSION=${{{{ needs.version.outputs.version }}}}
      - uses: actions/upload-artifact@v4
        with:
          name: build
          path: out/
          retention-days: {pick(r, 1, 5, 30)}

  test:
    needs: [version, build]
    runs-on: ubuntu-latest
    steps:
      - uses: actions/download-artifact@v4
        with:
          name: build
          path: out/
      - run: ./out/run-tests --junit results.xml
      - uses: actions/upload-artifact@v4
        if: failure()
        with:
          name: results
          path: results.xml

  package:
    needs: [version, test]
    if: ${{{{ github.event_name == 'push' && needs.version.outputs.prerelease == 'false' }}}}
    runs-on: ubuntu-latest
    steps:
      - uses: actions/download-artifact@v4
        with:
          name: build
      - run: tar czf "app-${{{{ needs.version.outputs.version }}}}.tgz" out/
"""


def workflow_run(r):
    return """name: Report CI results

on:
  workflow_run:
    workflows: ["Node.js CI"]
    types: [completed]

permissions:
  actions: read
  checks: write

jobs:
  report:
    runs-on: ubuntu-latest
    if: ${{ github.event.workflow_run.conclusion == 'failure' }}
    steps:
      - name: Download results
        uses: actions/download-artifact@v4
        with:
          run-id: ${{ github.event.workflow_run.id }}
          github-token: ${{ secrets.GITHUB_TOKEN }}
      - name: Summarise
        env:
          BRANCH: ${{ github.event.workflow_run.head_branch }}
        run: echo "CI failed on $BRANCH" >> "$GITHUB_STEP_SUMMARY"
"""


def matrix_exclude(r):
    return f"""name: Cross-platform

on:
  push:
  pull_request:
  workflow_dispatch:

permissions: read-all

jobs:
  test:
    name: ${{{{ matrix.os }}}} / ${{{{ matrix.toolchain }}}}
    runs-on: ${{{{ matrix.os }}}}
    strategy:
      max-parallel: {pick(r, 2, 4, 6)}
      matrix:
        os: [ubuntu-latest, windows-latest, macos-latest]
        toolchain: [stable, beta, nightly]
        exclude:
          - os: macos-latest
            toolchain: nightly
        include:
          - os: ubuntu-latest
            toolchain: stable
            coverage: true
    continue-on-error: ${{{{ matrix.toolchain == 'nightly' }}}}
    steps:
      - uses: {checkout(r)}
      - name: Test
        shell: bash
        run: ./ci/test.sh "${{{{ matrix.toolchain }}}}"
      - name: Coverage
        if: matrix.coverage
        run: ./ci/coverage.sh
      - name: Windows only
        if: runner.os == 'Windows'
        shell: pwsh
        run: Get-ChildItem -Recurse build | Measure-Object
"""


def dependabot_automerge(r):
    return f"""name: Dependabot auto-merge
on: pull_request

permissions:
  contents: write
  pull-requests: write

jobs:
  dependabot:
    runs-on: ubuntu-latest
    if: github.actor == 'dependabot[bot]'
    steps:
      - name: Dependabot metadata
        id: metadata
        uses: dependabot/fetch-metadata@{pick(r, "v2", sha(r))}
        with:
          github-token: "${{{{ secrets.GITHUB_TOKEN }}}}"
      - name: Enable auto-merge for patch updates
        if: steps.metadata.outputs.update-type == 'version-update:semver-patch'
        run: gh pr merge --auto --merge "$PR_URL"
        env:
          PR_URL: ${{{{github.event.pull_request.html_url}}}}
          GH_TOKEN: ${{{{secrets.GITHUB_TOKEN}}}}
"""


def self_hosted_docker(r):
    return f"""name: Docker integration (self-hosted)

on:
  push:
    branches: [main]

permissions:
  contents: read

concurrency:
  group: integration-${{{{ github.ref }}}}
  cancel-in-progress: true

jobs:
  integration:
    runs-on: [self-hosted, linux, {pick(r, "x64", "arm64")}]
    timeout-minutes: 25
    steps:
      - uses: {checkout(r)}
      - name: Build image
        run: docker build --label environment=testing --label managed-by=ci -t app:ci-${{{{ github.run_id }}}} .
      - name: Run tests in the image
        run: |
          docker run --rm \\
            --label environment=testing --label managed-by=ci \\
            --network none app:ci-${{{{ github.run_id }}}} ./run-tests
      - name: Clean up
        if: always()
        run: docker image rm -f app:ci-${{{{ github.run_id }}}} || true
"""


def dynamic_matrix(r):
    return f"""name: Test changed packages

on:
  pull_request:
    paths: ["packages/**"]

permissions:
  contents: read

jobs:
  changes:
    runs-on: ubuntu-latest
    outputs:
      packages: ${{{{ steps.list.outputs.packages }}}}
    steps:
      - uses: {checkout(r)}
        with:
          fetch-depth: 0
      - id: list
        env:
          BASE: ${{{{ github.event.pull_request.base.sha }}}}
        run: |
          packages=$(git diff --name-only "$BASE" HEAD -- packages | cut -d/ -f2 | sort -u | jq -R . | jq -cs .)
          echo "packages=$packages" >> "$GITHUB_OUTPUT"

  test:
    needs: changes
    if: ${{{{ needs.changes.outputs.packages != '[]' }}}}
    runs-on: ubuntu-latest
    strategy:
      fail-fast: false
      matrix:
        package: ${{{{ fromJSON(needs.changes.outputs.packages) }}}}
    steps:
      - uses: {checkout(r)}
      - uses: actions/cache@v4
        with:
          path: ~/.npm
          key: npm-${{{{ runner.os }}}}-${{{{ hashFiles('packages/*/package-lock.json') }}}}
          restore-keys: |
            npm-${{{{ runner.os }}}}-
      - working-directory: packages/${{{{ matrix.package }}}}
        run: npm ci && npm test
"""


def anchors(r):
    return f"""name: Lint and test (anchors)

on:
  push:
    branches: [main]
  pull_request:

permissions:
  contents: read

jobs:
  lint:
    runs-on: ubuntu-latest
    env: &env
      PYTHONUNBUFFERED: "1"
      PIP_DISABLE_PIP_VERSION_CHECK: "1"
    steps:
      - &checkout
        uses: {checkout(r)}
      - &setup
        uses: actions/setup-python@v5
        with:
          python-version: "{pick(r, "3.11", "3.12", "3.13")}"
      - run: pipx run ruff check .

  test:
    runs-on: ubuntu-latest
    env: *env
    steps:
      - *checkout
      - *setup
      - run: pip install -e .[test] && pytest -q
"""


def label_gate(r):
    return f"""name: E2E on label

on:
  pull_request:
    types: [opened, synchronize, labeled]

permissions:
  contents: read

concurrency:
  group: e2e-${{{{ github.event.pull_request.number }}}}
  cancel-in-progress: true

jobs:
  e2e:
    if: contains(github.event.pull_request.labels.*.name, '{pick(r, "run-e2e", "e2e", "full-ci")}')
    runs-on: ubuntu-latest
    timeout-minutes: 40
    steps:
      - uses: {checkout(r)}
      - uses: actions/setup-node@v4
        with:
          node-version-file: .nvmrc
      - uses: actions/cache@v4
        with:
          path: ~/.cache/ms-playwright
          key: playwright-${{{{ runner.os }}}}-${{{{ hashFiles('**/package-lock.json') }}}}
      - run: npm ci
      - run: npx playwright install --with-deps
      - run: npx playwright test --shard=${{{{ strategy.job-index }}}}
      - uses: actions/upload-artifact@v4
        if: ${{{{ !cancelled() }}}}
        with:
          name: playwright-report
          path: playwright-report/
"""


def merge_queue(r):
    return f"""name: Required checks

on:
  pull_request:
  merge_group:
    types: [checks_requested]
  workflow_dispatch:
    inputs:
      debug:
        description: Verbose logs
        type: boolean
        default: false

permissions:
  contents: read

jobs:
  check:
    runs-on: ${{{{ vars.RUNNER || 'ubuntu-latest' }}}}
    steps:
      - uses: {checkout(r)}
      - uses: actions/setup-node@v4
        with:
          node-version: ${{{{ vars.NODE_VERSION || '20' }}}}
      - run: npm ci
      - run: npm run check -- ${{{{ github.event.inputs.debug == 'true' && '--verbose' || '' }}}}
      - name: Summary
        if: always()
        run: echo "### ${{{{ job.status }}}} on ${{{{ github.event_name }}}}" >> "$GITHUB_STEP_SUMMARY"
"""


PATTERNS = [
    dotnet, node, python, golang, docker_publish, codeql, release, stale, labeler, pages, dispatch_deploy,
    comment_bot, rust, java, pr_title, services, container_job, artifacts_pipeline, workflow_run, matrix_exclude,
    dependabot_automerge, self_hosted_docker, dynamic_matrix, anchors, label_gate, merge_queue,
]

# Realistic mistakes: (name, find, replace). Applied to the first occurrence when the file contains `find`.
MISTAKES = [
    ("typo in runs-on key", "runs-on:", "runs_on:"),
    ("typo in steps key", "    steps:", "    step:"),
    ("unknown runner label", "ubuntu-latest", "ubuntu-lastest"),
    ("bad cron minute", "- cron: '", "- cron: '61 "),
    ("script injection", "echo \"", "echo \"${{ github.event.pull_request.title }} "),
    ("unknown event", "  push:", "  pushh:"),
    ("needs an unknown job", "needs: ", "needs: missing-job\n    # was: "),
    ("bad timeout", "timeout-minutes: ", "timeout-minutes: soon # "),
    ("unknown context", "${{ github.", "${{ gihtub."),
    ("unclosed expression", "${{ matrix.", "${{ matrix.os\n      # "),
    ("unknown function", "always()", "allways()"),
    ("undefined step output", "steps.meta.outputs", "steps.metadata.outputs"),
    ("duplicate key", "    runs-on:", "    timeout-minutes: 5\n    timeout-minutes: 10\n    runs-on:"),
    ("unknown permission scope", "contents: read", "content: read"),
    ("bad shell", "shell: bash", "shell: zsh"),
    ("choice default not among its options", "default: staging", "default: stage"),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=240)
    parser.add_argument("--seed", type=int, default=20261202)
    args = parser.parse_args()
    r = random.Random(args.seed)
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    manifest = []
    callees = []
    for i in range(args.count):
        if i % 12 == 0:
            name = f"reusable-build-{i:03d}.yml"
            text = reusable_callee(r, i)
            callees.append(name)
            pattern = "reusable_callee"
        elif i % 12 == 1 and callees:
            name = f"call-build-{i:03d}.yml"
            text = reusable_caller(r, callees[-1])
            pattern = "reusable_caller"
        else:
            make = PATTERNS[(i + r.randint(0, len(PATTERNS) - 1)) % len(PATTERNS)]
            pattern = make.__name__
            name = f"{pattern.replace('_', '-')}-{i:03d}.{pick(r, 'yml', 'yml', 'yaml')}"
            text = make(r)
        mistakes = []
        # Callees stay clean: their callers depend on their inputs, secrets and outputs.
        if pattern != "reusable_callee" and r.random() < 0.2:
            for _ in range(r.choice((1, 1, 2))):
                applicable = [m for m in MISTAKES if m[1] in text and m[0] not in mistakes]
                if applicable:
                    label, find, replace = r.choice(applicable)
                    text = text.replace(find, replace, 1)
                    mistakes.append(label)
        with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        manifest.append((name, pattern, mistakes))
    with open(os.path.join(OUT, "..", "..", "manifest.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("file\tpattern\tseeded mistakes\n")
        for name, pattern, mistakes in manifest:
            f.write(f"{name}\t{pattern}\t{'; '.join(mistakes)}\n")
    print(f"wrote {len(manifest)} workflows to {OUT} ({sum(1 for m in manifest if m[2])} with seeded mistakes)")


if __name__ == "__main__":
    main()
