namespace Tailpaste.HealthCheck.Notifications;

/// <summary>Where state changes are posted: a Slack incoming webhook, a generic JSON webhook, both or neither.</summary>
public sealed record NotificationTargets(Uri? SlackWebhook, Uri? WebhookUrl)
{
    public static NotificationTargets None { get; } = new(null, null);

    public bool Any => SlackWebhook is not null || WebhookUrl is not null;
}
