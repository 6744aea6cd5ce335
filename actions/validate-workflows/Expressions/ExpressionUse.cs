using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Expressions;

/// <summary>
/// One expression in one scalar of a file: its text, its parse result (or syntax error), where GitHub evaluates
/// it (which contexts exist there) and the job/step around it.
/// </summary>
public sealed class ExpressionUse
{
    public required ScalarNode Node { get; init; }

    /// <summary>The text between <c>${{</c> and <c>}}</c> (the whole value for an implicit <c>if:</c>).</summary>
    public required string Text { get; init; }

    /// <summary>Where the first character of <see cref="Text"/> is in the file, when it could be located.</summary>
    public required Position TextStart { get; init; }

    /// <summary>Where the <c>${{</c> is (or the value, for an implicit <c>if:</c>).</summary>
    public required Position Start { get; init; }

    public required ExpressionLocation Location { get; init; }

    public ExpressionNode? Tree { get; init; }

    public ExpressionSyntaxException? SyntaxError { get; init; }

    public bool Closed { get; init; } = true;

    public Workflow? Workflow { get; init; }

    public ActionMetadata? Action { get; init; }

    public Job? Job { get; init; }

    public Step? Step { get; init; }

    /// <summary>The steps <c>steps.&lt;id&gt;</c> can name here: the job's or the composite action's; null elsewhere.</summary>
    public IReadOnlyList<Step>? Steps => Job?.Steps ?? Action?.Steps;

    /// <summary>The expression is spliced into a script (<c>run:</c>, or <c>script:</c> of actions/github-script).</summary>
    public bool InScript { get; init; }

    /// <summary>The mapping key whose value holds the expression (for a list, the key of the list); null at the top.</summary>
    public string? Key { get; init; }

    /// <summary>The file position of an offset inside <see cref="Text"/>.</summary>
    public Position At(int offset) => TextStart.Right(offset);
}
