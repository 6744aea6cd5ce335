namespace Tailpaste.Shared.Actions;

/// <summary>
/// Log groups that always close: the body runs between <see cref="ActionCore.StartGroup"/> and
/// <see cref="ActionCore.EndGroup"/>, and the group ends in a <c>finally</c>, so an error annotation written
/// after a failed step is never folded away inside that step's group.
/// </summary>
public static class ActionCoreGroups
{
    public static async Task GroupAsync(this ActionCore core, string name, Func<Task> body)
    {
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(body);
        core.StartGroup(name);
        try
        {
            await body().ConfigureAwait(false);
        }
        finally
        {
            core.EndGroup();
        }
    }

    public static async Task<T> GroupAsync<T>(this ActionCore core, string name, Func<Task<T>> body)
    {
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(body);
        core.StartGroup(name);
        try
        {
            return await body().ConfigureAwait(false);
        }
        finally
        {
            core.EndGroup();
        }
    }
}
