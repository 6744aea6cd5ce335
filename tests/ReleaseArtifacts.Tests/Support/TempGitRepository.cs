using System.Globalization;
using Tailpaste.TestKit.Processes;

namespace Tailpaste.ReleaseArtifacts.Tests;

/// <summary>
/// A real git repository in a temp folder with a crafted, deterministic history: every commit gets a fixed
/// author, committer and date, so SHAs and times are the same on every run.
/// </summary>
public sealed class TempGitRepository : IDisposable
{
    private static readonly DateTimeOffset _epoch = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private int _clock;

    public TempGitRepository()
    {
        Path = Directory.CreateTempSubdirectory("release-artifacts-repo-").FullName;
        Git("init", "-q", "-b", "main");
        Git("config", "commit.gpgsign", "false");
        Git("config", "tag.gpgsign", "false");
    }

    public string Path { get; }

    /// <summary>The time the next commit will carry.</summary>
    public DateTimeOffset NextTime => _epoch.AddHours(_clock + 1);

    public string Write(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    /// <summary>Stages everything and commits with <paramref name="message"/>; returns the commit id.</summary>
    public string Commit(string message, string author = "Alice Example", bool allowEmpty = true)
    {
        Git("add", "-A");
        _clock++;
        var args = new List<string> { "-c", $"user.name={author}", "-c", $"user.email={author.Split(' ')[0].ToLowerInvariant()}@example.test", "commit", "-q", "-m", message };
        if (allowEmpty)
        {
            args.Add("--allow-empty");
        }

        Git(args.ToArray());
        return Head();
    }

    public string Head() => Git("rev-parse", "HEAD").Trim();

    public void Tag(string name, string? target = null, bool annotated = false)
    {
        _clock++;
        if (annotated)
        {
            Git("-c", "user.name=Release Bot", "-c", "user.email=bot@example.test", "tag", "-a", "-m", "release " + name, name, target ?? "HEAD");
        }
        else
        {
            Git("tag", name, target ?? "HEAD");
        }
    }

    public string Git(params string[] arguments) => Run(arguments, stdin: null);

    public string Run(IReadOnlyList<string> arguments, string? stdin)
    {
        var date = _epoch.AddHours(_clock).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + " +0000";
        var environment = new Dictionary<string, string?>
        {
            ["GIT_AUTHOR_DATE"] = date,
            ["GIT_COMMITTER_DATE"] = date,
            ["GIT_COMMITTER_NAME"] = "Committer",
            ["GIT_COMMITTER_EMAIL"] = "committer@example.test",
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
            ["GIT_CONFIG_NOSYSTEM"] = "1",
        };
        return ToolProcess.Run("git", arguments, Path, environment, stdin: stdin).EnsureSuccess().Stdout;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
