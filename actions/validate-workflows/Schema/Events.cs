namespace Tailpaste.ValidateWorkflows.Schema;

/// <summary>Webhook events a workflow can be triggered by, their activity types and the filters each allows.</summary>
public static class Events
{
    private static readonly string[] _none = [];

    /// <summary>Event → activity types; null means the event takes any type names (repository_dispatch).</summary>
    public static IReadOnlyDictionary<string, string[]?> ActivityTypes { get; } = new Dictionary<string, string[]?>(StringComparer.Ordinal)
    {
        ["branch_protection_rule"] = ["created", "edited", "deleted"],
        ["check_run"] = ["created", "rerequested", "completed", "requested_action"],
        ["check_suite"] = ["completed"],
        ["create"] = _none,
        ["delete"] = _none,
        ["deployment"] = _none,
        ["deployment_status"] = _none,
        ["discussion"] = ["created", "edited", "deleted", "transferred", "pinned", "unpinned", "labeled", "unlabeled", "locked", "unlocked", "category_changed", "answered", "unanswered"],
        ["discussion_comment"] = ["created", "edited", "deleted"],
        ["fork"] = _none,
        ["gollum"] = _none,
        ["image_version"] = ["created", "ready"],
        ["issue_comment"] = ["created", "edited", "deleted"],
        ["issues"] = ["opened", "edited", "deleted", "transferred", "pinned", "unpinned", "closed", "reopened", "assigned", "unassigned", "labeled", "unlabeled", "locked", "unlocked", "milestoned", "demilestoned", "typed", "untyped"],
        ["label"] = ["created", "edited", "deleted"],
        ["merge_group"] = ["checks_requested"],
        ["milestone"] = ["created", "closed", "opened", "edited", "deleted"],
        ["page_build"] = _none,
        ["project"] = ["created", "closed", "reopened", "edited", "deleted"],
        ["project_card"] = ["created", "moved", "converted", "edited", "deleted"],
        ["project_column"] = ["created", "updated", "moved", "deleted"],
        ["public"] = _none,
        ["pull_request"] = PullRequestTypes,
        ["pull_request_review"] = ["submitted", "edited", "dismissed"],
        ["pull_request_review_comment"] = ["created", "edited", "deleted"],
        ["pull_request_target"] = PullRequestTypes,
        ["push"] = _none,
        ["registry_package"] = ["published", "updated"],
        ["release"] = ["published", "unpublished", "created", "edited", "deleted", "prereleased", "released"],
        ["repository_dispatch"] = null,
        ["schedule"] = _none,
        ["status"] = _none,
        ["watch"] = ["started"],
        ["workflow_call"] = _none,
        ["workflow_dispatch"] = _none,
        ["workflow_run"] = ["completed", "requested", "in_progress"],
    };

    /// <summary>The keys allowed under each event (besides <c>types</c> for events that have activity types).</summary>
    public static IReadOnlyList<string> FilterKeys(string eventName)
    {
        var keys = eventName switch
        {
            "push" => new List<string> { "branches", "branches-ignore", "paths", "paths-ignore", "tags", "tags-ignore" },
            "pull_request" or "pull_request_target" => ["branches", "branches-ignore", "paths", "paths-ignore"],
            "workflow_run" => ["branches", "branches-ignore", "workflows"],
            "merge_group" => ["branches", "branches-ignore"],
            "image_version" => ["names", "versions"],
            "workflow_dispatch" => ["inputs"],
            "workflow_call" => ["inputs", "outputs", "secrets"],
            _ => [],
        };
        if (ActivityTypes.TryGetValue(eventName, out var types) && (types is null || types.Length > 0))
        {
            keys.Add("types");
        }

        return keys.Order(StringComparer.Ordinal).ToList();
    }

    private static string[] PullRequestTypes =>
    [
        "assigned", "unassigned", "labeled", "unlabeled", "opened", "edited", "closed", "reopened", "synchronize", "converted_to_draft",
        "ready_for_review", "locked", "unlocked", "review_requested", "review_request_removed", "auto_merge_enabled", "auto_merge_disabled",
        "milestoned", "demilestoned", "enqueued", "dequeued",
    ];
}
