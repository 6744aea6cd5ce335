using Tailpaste.TestKit;

namespace Tailpaste.BackupRestore.Tests;

public sealed class ContractTests
{
    [Fact]
    public void Code_and_action_yml_declare_the_same_inputs_and_outputs() =>
        ActionContract.AssertMatches(BackupRestoreAction.Definition, typeof(BackupRestoreOutputs));

    [Fact]
    public void Embedded_action_yml_is_the_one_on_disk() =>
        ActionContract.AssertEmbeddedManifestIsCurrent(BackupRestoreAction.Definition.Manifest, RepositoryRoot.Combine("actions", "backup-restore", "action.yml"));

    [Fact]
    public void No_input_is_a_secret_the_action_would_have_to_mask() =>
        Assert.DoesNotContain(BackupRestoreAction.Definition.Manifest.Inputs, input => input.IsSecret);

    [Fact]
    public void The_shared_inputs_use_the_project_vocabulary()
    {
        var names = BackupRestoreAction.Definition.Manifest.Inputs.Select(i => i.Name).ToList();
        Assert.Contains("container-name", names);
        Assert.Contains("docker-host", names);
        Assert.Contains("report-path", names);
        Assert.Contains("dry-run", names);
        Assert.Contains("service-url", names);
        Assert.DoesNotContain("container", names);
    }
}
