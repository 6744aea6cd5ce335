using System.Text;
using System.Text.Json.Nodes;
using Tailpaste.HealthCheck.History;
using Tailpaste.HealthCheck.Reporting;
using Tailpaste.Shared.Http;

namespace Tailpaste.HealthCheck.Notifications;

/// <summary>
/// Posts one message per change of the overall status: Slack gets <c>{"text": …}</c>, a generic webhook a JSON
/// document with the old and new status. A target that does not accept the message is reported, not fatal.
/// Give it a client over <see cref="SameOriginRedirectHandler"/>: a redirect to another origin is then a
/// failed notification, and the message never reaches a server the target named.
/// </summary>
public sealed class StateChangeNotifier(HttpClient http)
{
    public async Task<(IReadOnlyList<string> Sent, IReadOnlyList<string> Problems)> NotifyAsync(NotificationTargets targets, StateChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(change);
        var sent = new List<string>();
        var problems = new List<string>();
        if (targets.SlackWebhook is { } slack)
        {
            await PostAsync("slack", slack, new JsonObject { ["text"] = SlackText(change) }, sent, problems, cancellationToken).ConfigureAwait(false);
        }

        if (targets.WebhookUrl is { } webhook)
        {
            await PostAsync("webhook", webhook, Document(change), sent, problems, cancellationToken).ConfigureAwait(false);
        }

        return (sent, problems);
    }

    public static string SlackText(StateChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var icon = change.Current switch
        {
            OverallStatus.Healthy => ":white_check_mark:",
            OverallStatus.Degraded => ":warning:",
            _ => ":rotating_light:",
        };
        var from = change.Previous is { } previous ? HealthHistory.StatusName(previous) : "unknown";
        var text = $"{icon} Tailpaste at {change.ServiceUrl} is {HealthHistory.StatusName(change.Current)} (was {from}).";
        if (change.FailedChecks.Count > 0)
        {
            text += $" Failed checks: {string.Join(", ", change.FailedChecks)}.";
        }

        if (change.RecoveryDispatched)
        {
            text += " Recovery workflow dispatched.";
        }

        return text;
    }

    public static JsonObject Document(StateChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new JsonObject
        {
            ["event"] = "health_status_changed",
            ["status"] = HealthHistory.StatusName(change.Current),
            ["previous_status"] = change.Previous is { } previous ? HealthHistory.StatusName(previous) : null,
            ["failed_checks"] = new JsonArray(change.FailedChecks.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
            ["service_url"] = change.ServiceUrl,
            ["consecutive_failures"] = change.ConsecutiveFailures,
            ["recovery_dispatched"] = change.RecoveryDispatched,
            ["timestamp"] = change.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private async Task PostAsync(string kind, Uri url, JsonObject body, List<string> sent, List<string> problems, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                sent.Add(kind);
            }
            else if (SameOriginRedirectHandler.IsRedirect(response.StatusCode))
            {
                // Only the origin is named: the rest of a Location may carry the target's secrets.
                var target = SameOriginRedirectHandler.Target(response);
                problems.Add(target is not null && !Origin.Same(url, target)
                    ? $"the {kind} target answered {(int)response.StatusCode}, a redirect to {Origin.Of(target)}, another origin; it was not followed"
                    : $"the {kind} target answered {(int)response.StatusCode}, a redirect it kept repeating or without a usable Location; it was not followed further");
            }
            else
            {
                problems.Add($"the {kind} target answered {(int)response.StatusCode}");
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            problems.Add($"the {kind} target could not be reached: {e.Message}");
        }
    }
}
