using Tailpaste.TestKit;

namespace Tailpaste.ValidateWorkflows.Tests;

public class ContractTests
{
    [Fact]
    public void Code_and_action_yml_agree()
    {
        using var repository = new Support.TempRepository();
        repository.Write(Support.TempRepository.WorkflowPath, "on: push\njobs: {}\n");

        ActionContract.AssertMatches(
            ValidateWorkflowsAction.Definition,
            typeof(ValidateWorkflowsOutputs),
            new Dictionary<string, string> { ["root"] = repository.Root });
    }

    [Fact]
    public void Embedded_manifest_is_the_file_on_disk()
    {
        ActionContract.AssertEmbeddedManifestIsCurrent(ValidateWorkflowsAction.Definition.Manifest, RepositoryRoot.Combine("actions", "validate-workflows", "action.yml"));
    }
}
