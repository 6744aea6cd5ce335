namespace Tailpaste.Deploy.Verification;

/// <summary>What a watch looks at: the users' URL, the container now live and its loopback port, and the port of the version just replaced (whose requests in flight at the switch are counted).</summary>
public sealed record WatchTarget(Uri UsersUrl, int UsersPort, string LiveContainerId, int LivePort, int? ReplacedPort, DateTimeOffset SwitchedAt);
