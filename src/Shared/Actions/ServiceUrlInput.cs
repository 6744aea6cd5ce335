using Tailpaste.Shared.Http;

namespace Tailpaste.Shared.Actions;

/// <summary>
/// The service's base address as the actions that act on the service take it: the <c>service-url</c> input, else
/// TAILPASTE_URL (as the seed reads it), else <see cref="Default"/>. Bad input names whichever of the two it came
/// from and never repeats a <c>user:password@</c>. (health-check reads a config file between the two layers and
/// so picks its own.)
/// </summary>
public static class ServiceUrlInput
{
    public const string Name = "service-url";
    public const string Variable = "TAILPASTE_URL";
    public const string Default = "http://tailpaste:8080";

    /// <summary>Longer is no address of a service; the message shows at most this much.</summary>
    public const int MaxLength = 2048;

    /// <param name="allowCredentials">False where the address is shown to others or put in front of a proxy, so a user name or password in it is bad input.</param>
    public static Uri Bind(ActionInputs inputs, RunnerEnvironment runner, bool allowCredentials)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(runner);
        var (source, value) = inputs.GetOptionalInput(Name) is { } given ? (Name, given)
            : runner.Get(Variable) is { } variable ? (Variable, variable)
            : (Name, Default);
        var url = value.Length <= MaxLength ? HttpUrl.TryParse(value) : null;
        if (url is null || (!allowCredentials && url.UserInfo.Length > 0))
        {
            var expected = allowCredentials
                ? $"an absolute http:// or https:// URL such as {Default}"
                : $"an absolute http:// or https:// URL without a user name or password, such as {Default}";
            throw new InputException(source, UrlCredentials.Redact(value.Length > MaxLength ? value[..MaxLength] : value), expected);
        }

        return url;
    }
}
