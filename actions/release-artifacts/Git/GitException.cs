namespace Tailpaste.ReleaseArtifacts.Git;

/// <summary>git ended with a non-zero exit code.</summary>
public sealed class GitException : Exception
{
    public GitException(GitResult result)
        : base($"git {string.Join(' ', result?.Arguments ?? [])} failed ({result?.ExitCode}): {result?.Stderr.Trim()}")
    {
        Result = result;
    }

    public GitException()
    {
    }

    public GitException(string message)
        : base(message)
    {
    }

    public GitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GitResult? Result { get; }
}
