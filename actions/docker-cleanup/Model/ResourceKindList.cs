using Tailpaste.Shared.Actions;

namespace Tailpaste.DockerCleanup.Model;

/// <summary>Parses the resources input: kind names separated by commas or new lines, returned in removal order.</summary>
public static class ResourceKindList
{
    public const string Expected = "any of containers, networks, images, volumes, separated by commas or new lines";

    public static IReadOnlyList<ResourceKind> Parse(string? text, string source = "resources")
    {
        var kinds = new HashSet<ResourceKind>();
        foreach (var item in (text ?? string.Empty).Split([',', '\n', '\r'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            // Only the plural names: a typo must not quietly match something else.
            if (!Enum.TryParse<ResourceKind>(item, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(item, out _))
            {
                throw new InputException(source, text, $"{Expected}; '{item}' is not one of them");
            }

            kinds.Add(kind);
        }

        if (kinds.Count == 0)
        {
            throw new InputException(source, text, Expected);
        }

        return kinds.Order().ToList();
    }
}
