using Tailpaste.Deploy.Record;

namespace Tailpaste.Deploy.Tests;

public sealed class DeployRecordTests
{
    private static readonly DeployRecord _inProgress = new()
    {
        Service = "tailpaste",
        Strategy = "blue-green",
        Phase = DeployPhase.Switched,
        LiveSlot = "blue",
        LiveImage = "tailpaste/paste-service:1.0.0",
        LiveImageId = "sha256:old",
        LiveDigest = "tailpaste/paste-service@sha256:old",
        ConfigHash = "old-settings",
        PreviousImage = "tailpaste/paste-service:0.9.0",
        Candidate = "green",
        CandidateImage = "tailpaste/paste-service:2.0.0",
        CandidateImageId = "sha256:new",
        CandidateConfigHash = "new-settings",
        Run = "run 7",
    };

    [Fact]
    public void Settled_forgets_the_candidate_and_keeps_what_is_live()
    {
        var settled = _inProgress.Settled();

        Assert.Equal(DeployPhase.Steady, settled.Phase);
        Assert.Equal((null, null, null, null), (settled.Candidate, settled.CandidateImage, settled.CandidateImageId, settled.CandidateConfigHash));
        Assert.Equal(_inProgress with { Phase = DeployPhase.Steady, Candidate = null, CandidateImage = null, CandidateImageId = null, CandidateConfigHash = null }, settled);
    }

    [Fact]
    public void With_the_candidate_live_the_candidates_image_and_settings_are_the_live_ones_and_nothing_else_moves()
    {
        var promoted = _inProgress.WithCandidateLive();

        Assert.Equal(("tailpaste/paste-service:2.0.0", "sha256:new", "new-settings"), (promoted.LiveImage, promoted.LiveImageId, promoted.ConfigHash));
        Assert.Equal(_inProgress with { LiveImage = "tailpaste/paste-service:2.0.0", LiveImageId = "sha256:new", ConfigHash = "new-settings" }, promoted);
        Assert.Equal(("blue", "tailpaste/paste-service@sha256:old", "green", DeployPhase.Switched), (promoted.LiveSlot, promoted.LiveDigest, promoted.Candidate, promoted.Phase));
    }
}
