using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Tailpaste.ValidateWorkflows.Yaml;

/// <summary>
/// Builds positioned nodes from YamlDotNet's parser events. Aliases share the anchored node instead of
/// copying it, and every alias adds the anchored subtree's size to a running total, so a "billion laughs"
/// document stops at <see cref="YamlLimits.MaxNodes"/> after a few thousand events.
/// </summary>
public sealed class YamlLoader
{
    private readonly YamlLimits _limits;
    private readonly Dictionary<string, Node> _anchors = new(StringComparer.Ordinal);

    /// <summary>Each anchor with where it is defined, and whether an alias used it.</summary>
    private readonly List<(string Name, Mark At, bool Used)> _anchorUses = [];
    private readonly List<YamlProblem> _problems = [];

    /// <summary>Where each mapping or sequence still being read starts, innermost last.</summary>
    private readonly List<(Mark Start, bool IsMapping)> _open = [];
    private long _nodes;

    private YamlLoader(YamlLimits limits)
    {
        _limits = limits;
    }

    public static YamlDocument Load(string text, YamlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new YamlLoader(limits ?? YamlLimits.Default).Run(text);
    }

    private YamlDocument Run(string text)
    {
        if (text.Length > _limits.MaxBytes)
        {
            return Fail(YamlProblemKind.Limit, Position.Start, $"file is larger than {_limits.MaxBytes} bytes; not linted");
        }

        var scanner = new Scanner(new StringReader(text));
        var parser = new Parser(scanner);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return new YamlDocument(null, _problems);
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, 1);
            parser.Consume<DocumentEnd>();
            foreach (var (name, at, _) in _anchorUses.Where(a => !a.Used))
            {
                // GitHub accepts anchors, but one no alias uses is a leftover (or an alias misspelt elsewhere).
                _problems.Add(new YamlProblem(YamlProblemKind.Syntax, ToPosition(at), $"anchor \"{name}\" is defined but not used; remove it or use it with *{name}"));
            }

            if (parser.Accept<DocumentStart>(out var second))
            {
                _problems.Add(new YamlProblem(YamlProblemKind.Syntax, ToPosition(second.Start), "a workflow file must hold one YAML document, but a second one starts here"));
            }

            return new YamlDocument(root, _problems);
        }
        catch (YamlException e)
        {
            // For a tab used as indentation YamlDotNet marks the start of the enclosing mapping; the scanner
            // stands on the tab's line, which is the one to fix.
            var mark = e.Message.Contains("invalid tab", StringComparison.Ordinal) || e.Start.Line <= 0 ? scanner.CurrentPosition : e.Start;
            var at = mark.Line > 0 ? ToPosition(mark) : Position.Start;
            if (Opening(Describe(e), at) is { Line: > 1 } opened)
            {
                // A structure error (a key or ',' missing) belongs to the mapping or sequence being read: report it
                // on the line above the one that opens it, the key that holds the block (where actionlint and
                // go-yaml report it), and say where the parser stopped.
                return Fail(YamlProblemKind.Syntax, new Position((int)opened.Line - 1, 1), $"{Describe(e)} The block opened at line {opened.Line} is broken at line {at.Line}, column {at.Column}; check the indentation and brackets there.");
            }

            return Fail(YamlProblemKind.Syntax, at, Describe(e));
        }
        catch (LimitExceededException e)
        {
            return Fail(YamlProblemKind.Limit, e.Position, e.Message);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            // YamlDotNet is not meant to throw anything but YamlException, but an unclosed flow collection
            // followed by more lines ("[a, b" then "steps: []") makes its scanner throw
            // InvalidOperationException. It is still a file we could not read, not a crash of the linter, and
            // the scanner's position is where it gave up.
            var at = scanner.CurrentPosition.Line > 0 ? ToPosition(scanner.CurrentPosition) : Position.Start;
            if (_open.Count > 0 && _open[^1].Start.Line > 1)
            {
                // Reported on the line above the collection left open, as for the parser's own structure errors.
                var opened = _open[^1].Start;
                return Fail(YamlProblemKind.Syntax, new Position((int)opened.Line - 1, 1), $"the YAML parser cannot continue ({e.GetType().Name}): the '[' or '{{' opened at line {opened.Line}, column {opened.Column} is not closed before line {at.Line}");
            }

            return Fail(YamlProblemKind.Syntax, at, $"the YAML parser cannot continue here ({e.GetType().Name}); an unclosed '[' or '{{' above is the usual cause");
        }
    }

    /// <summary>
    /// The start of the collection a parser error is about: for a block one the innermost still open that starts
    /// left of where the parser stopped (its items are indented further), for a flow one the innermost open.
    /// </summary>
    private Mark? Opening(string message, Position at)
    {
        var (mapping, block) = message switch
        {
            _ when message.StartsWith("While parsing a block mapping", StringComparison.Ordinal) => (true, true),
            _ when message.StartsWith("While parsing a block collection", StringComparison.Ordinal) => (false, true),
            _ when message.StartsWith("While parsing a flow mapping", StringComparison.Ordinal) => (true, false),
            _ when message.StartsWith("While parsing a flow sequence", StringComparison.Ordinal) => (false, false),
            _ => (false, false),
        };
        if (!message.StartsWith("While parsing a ", StringComparison.Ordinal))
        {
            return null;
        }

        for (var i = _open.Count - 1; i >= 0; i--)
        {
            var (start, isMapping) = _open[i];
            if (isMapping == mapping && (!block || start.Column < at.Column))
            {
                return start;
            }
        }

        return null;
    }

    private YamlDocument Fail(YamlProblemKind kind, Position at, string message)
    {
        _problems.Add(new YamlProblem(kind, at, message));
        return new YamlDocument(null, _problems);
    }

    private Node ReadNode(IParser parser, int depth)
    {
        if (depth > _limits.MaxDepth)
        {
            throw new LimitExceededException(ToPosition(parser.Current!.Start), $"YAML nesting is deeper than {_limits.MaxDepth} levels; not linted");
        }

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!_anchors.TryGetValue(alias.Value.Value, out var target))
            {
                throw new YamlException(alias.Start, alias.End, $"alias *{alias.Value.Value} refers to no anchor defined before it");
            }

            Count(target.Size, alias.Start);
            var last = _anchorUses.FindLastIndex(a => a.Name == alias.Value.Value);
            _anchorUses[last] = _anchorUses[last] with { Used = true };
            return target;
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            Count(1, scalar.Start);
            var node = new ScalarNode(scalar.Value, scalar.Style, ToPosition(scalar.Start), ToPosition(scalar.End));
            return Anchor(scalar.Anchor, node, scalar.Start);
        }

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            Count(1, sequenceStart.Start);
            _open.Add((sequenceStart.Start, false));
            var items = new List<Node>();
            long size = 1;
            SequenceEnd? sequenceEnd;
            while (!parser.TryConsume<SequenceEnd>(out sequenceEnd))
            {
                var item = ReadNode(parser, depth + 1);
                items.Add(item);
                size += item.Size;
            }

            _open.RemoveAt(_open.Count - 1);
            var node = new SequenceNode(items, ToPosition(sequenceStart.Start), ToPosition(sequenceEnd!.End)) { Size = size };
            return Anchor(sequenceStart.Anchor, node, sequenceStart.Start);
        }

        if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            Count(1, mappingStart.Start);
            _open.Add((mappingStart.Start, true));
            var entries = new List<KeyValuePair<ScalarNode, Node>>();
            long size = 1;
            MappingEnd? mappingEnd;
            while (!parser.TryConsume<MappingEnd>(out mappingEnd))
            {
                var key = ReadNode(parser, depth + 1);
                var value = ReadNode(parser, depth + 1);
                size += key.Size + value.Size;
                if (key is ScalarNode scalarKey)
                {
                    entries.Add(new(scalarKey, value));
                }
                else
                {
                    _problems.Add(new YamlProblem(YamlProblemKind.Syntax, key.Start, $"a mapping key must be a plain string, not a {key.KindName}; the entry is ignored"));
                }
            }

            _open.RemoveAt(_open.Count - 1);
            var node = new MappingNode(entries, ToPosition(mappingStart.Start), ToPosition(mappingEnd!.End)) { Size = size };
            return Anchor(mappingStart.Anchor, node, mappingStart.Start);
        }

        var unexpected = parser.Current;
        throw new YamlException(unexpected?.Start ?? Mark.Empty, unexpected?.End ?? Mark.Empty, $"unexpected {unexpected?.GetType().Name ?? "end of input"}");
    }

    private Node Anchor(AnchorName anchor, Node node, Mark at)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
            _anchorUses.Add((anchor.Value, at, false));
        }

        return node;
    }

    private void Count(long nodes, Mark at)
    {
        _nodes += nodes;
        if (_nodes > _limits.MaxNodes)
        {
            throw new LimitExceededException(ToPosition(at), $"the document has more than {_limits.MaxNodes} YAML nodes, counting each alias as the nodes it repeats (an alias bomb, or a generated file far larger than any workflow); not linted");
        }
    }

    private static Position ToPosition(Mark mark) => new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static string Describe(YamlException e)
    {
        // YamlDotNet prefixes "(Line: x, Col: y, Idx: z) - (...): "; the position is reported separately.
        var message = e.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(marker + 3)..] : message;
    }

    private sealed class LimitExceededException(Position position, string message) : Exception(message)
    {
        public Position Position { get; } = position;
    }
}
