namespace Tailpaste.ReleaseArtifacts.Tests;

/// <summary>
/// A repository with a release history worth testing: conventional and plain commits, scopes, a PR number,
/// `feat!:`, a `BREAKING CHANGE:` footer, a merged branch, an annotated pre-release tag, and a tag created
/// after a newer release but pointing at an older commit (out of order).
/// </summary>
public sealed class SampleHistory : IDisposable
{
    private SampleHistory(TempGitRepository repository)
    {
        Repository = repository;
    }

    public TempGitRepository Repository { get; }

    public string Path => Repository.Path;

    public string First { get; private set; } = string.Empty;

    public string Rc { get; private set; } = string.Empty;

    public string Head { get; private set; } = string.Empty;

    /// <summary>v1.0.0 → (v1.1.0-rc.1, annotated) → HEAD tagged v2.0.0; v0.9.0 tagged last on the first commit.</summary>
    public static SampleHistory Create(bool tagHead = true)
    {
        var repo = new TempGitRepository();
        var history = new SampleHistory(repo);
        repo.Write("README.md", "# Tailpaste\n");
        repo.Write("src/app.txt", "app v1\n");
        repo.Write("scripts/run.sh", "#!/bin/sh\necho run\n");
        File.SetUnixFileMode(System.IO.Path.Combine(repo.Path, "scripts/run.sh"), (UnixFileMode)0b111_101_101);
        repo.Write(".gitattributes", "ci-only export-ignore\n*.log export-ignore\n");
        repo.Write("ci-only/pipeline.txt", "not shipped\n");
        repo.Write("notes/debug.log", "not shipped either\n");
        repo.Write("docs/deep/nested/very-long-name-" + new string('x', 120) + ".txt", "long path\n");
        File.CreateSymbolicLink(System.IO.Path.Combine(repo.Path, "link-to-readme"), "README.md");
        history.First = repo.Commit("chore: initial commit");
        repo.Tag("v1.0.0");

        repo.Write("src/app.txt", "app v1.1\n");
        repo.Commit("feat(api): add paste expiry (#12)", "Alice Example");
        repo.Commit("fix: handle empty paste", "Bob Builder");
        history.Rc = repo.Commit("perf(db): index pastes by created_at", "Alice Example");
        repo.Tag("v1.1.0-rc.1", annotated: true);

        repo.Commit("Update README wording", "Carol Plain");
        repo.Commit("docs: describe the installer", "Carol Plain");
        repo.Commit("ci: cache packages", "Bob Builder");
        repo.Git("checkout", "-q", "-b", "topic");
        repo.Commit("fix(ui): escape <b>titles</b> (#34)", "Dave Branch");
        repo.Git("checkout", "-q", "main");
        repo.Commit("feat!: drop the v1 API", "Alice Example");
        repo.Run(["-c", "user.name=Merger", "-c", "user.email=merger@example.test", "merge", "-q", "--no-ff", "-m", "Merge branch 'topic'", "topic"], null);
        repo.Write("src/app.txt", "app v2\n");
        history.Head = repo.Commit("refactor(core): split storage\n\nMove the store.\n\nBREAKING CHANGE: the storage folder moved to /var/lib/tailpaste", "Erin Refactor");
        if (tagHead)
        {
            repo.Tag("v2.0.0");
        }

        repo.Tag("v0.9.0", history.First);
        repo.Tag("not-a-release", history.First);
        return history;
    }

    public void Dispose() => Repository.Dispose();
}
