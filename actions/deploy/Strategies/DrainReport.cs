namespace Tailpaste.Deploy.Strategies;

/// <summary>
/// How the version taken out of service was drained: the requests it was still serving when the traffic moved
/// (they finished on it, as nginx's old workers do), whether its proxy workers were done by the deadline, and
/// how many requests, if any, were cut when it was stopped at the deadline.
/// </summary>
public sealed record DrainReport(string Container, long InFlightAtSwitch, bool DrainedInTime, long CutAtDeadline, double WaitedMs);
