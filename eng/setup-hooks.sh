#!/usr/bin/env bash
# Installs this repository's git hooks: pre-commit (format check + fast tests), commit-msg (length and
# Conventional Commits, which the changelog reads), pre-push (the full test command).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
hooks="$(git -C "$root" rev-parse --git-path hooks)"
case "$hooks" in /*) ;; *) hooks="$root/$hooks" ;; esac
mkdir -p "$hooks"

cat > "$hooks/pre-commit" <<'HOOK'
#!/usr/bin/env bash
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
dotnet format Tailpaste.Actions.sln --verify-no-changes
# Fast tests: the ones that need no Docker engine.
dotnet test tests/Shared.Tests --nologo -v quiet --filter "Category!=Docker"
HOOK

cat > "$hooks/commit-msg" <<'HOOK'
#!/usr/bin/env bash
set -euo pipefail
subject="$(grep -v '^#' "$1" | head -n 1)"
if [ "${#subject}" -lt 10 ]; then
  echo "commit-msg: the subject '$subject' is shorter than 10 characters" >&2
  exit 1
fi
if ! printf '%s' "$subject" | grep -Eq '^(feat|fix|perf|refactor|docs|test|build|ci|chore|style|revert)(\([a-z0-9._/-]+\))?!?: .+'; then
  echo "commit-msg: warning: '$subject' is not a Conventional Commit (type(scope): subject); the changelog files it under Others" >&2
fi
HOOK

cat > "$hooks/pre-push" <<'HOOK'
#!/usr/bin/env bash
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
bash eng/test.sh
HOOK

chmod +x "$hooks/pre-commit" "$hooks/commit-msg" "$hooks/pre-push"
echo "Installed pre-commit, commit-msg and pre-push hooks in $hooks"
