using Tailpaste.ValidateWorkflows.Engine;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>A file that is a link out of the repository, or cannot be read, is refused before any byte is read.</summary>
public sealed class FileAccessRule : Rule
{
    public override string Id => Linter.FileAccessRuleId;

    public override string Description => "A linted file is a regular file inside the repository: a symbolic link leading out of it is refused unread.";
}
