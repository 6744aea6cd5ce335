using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class ActionMetadataRuleTests
{
    [Fact]
    public void Unknown_runtime_is_reported()
    {
        var findings = TempRepository.LintAction("""
            name: a
            description: d
            runs:
              using: node10
              main: index.js
            """);

        Expect.At(findings, "action-metadata", 4, 10);
    }

    [Fact]
    public void Docker_image_that_does_not_exist_and_input_without_description_are_reported()
    {
        var findings = TempRepository.LintAction("""
            name: a
            description: d
            inputs:
              x:
                required: maybe
            outputs:
              y:
                description: out
                value: v
            runs:
              using: docker
              image: ../../Dockerfile
            """);

        Expect.At(findings, "action-metadata", 4, 3);
        Expect.At(findings, "action-metadata", 5, 15);
        Expect.At(findings, "action-metadata", 9, 5);
        Expect.At(findings, "action-metadata", 12, 10);
    }

    [Fact]
    public void Repository_style_docker_action_with_an_existing_image_path_is_fine()
    {
        using var repository = new TempRepository();
        repository.Write("Dockerfile", "FROM scratch\n");
        repository.Write("actions/sample/action.yml", """
            name: a
            description: d
            inputs:
              x: {description: x, required: false, default: ""}
            outputs:
              y: {description: out}
            runs:
              using: docker
              image: ../../Dockerfile
              args:
                - sample
            """);

        var findings = repository.Lint("actions/sample/action.yml");

        Assert.Empty(findings);
    }

    [Fact]
    public void Composite_outputs_need_a_value()
    {
        var findings = TempRepository.LintAction("""
            name: a
            description: d
            outputs:
              y: {description: out}
            runs:
              using: composite
              steps:
                - run: echo
                  shell: bash
            """);

        Expect.At(findings, "action-metadata", 4, 3);
    }
}
