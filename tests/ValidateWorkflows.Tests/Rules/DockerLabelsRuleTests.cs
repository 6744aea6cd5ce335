using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class DockerLabelsRuleTests
{
    [Fact]
    public void Unlabelled_docker_commands_are_reported_at_the_command()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      echo start
                      docker run --rm alpine true
                      docker volume create data --label environment=testing
                  - run: sudo docker build -t x .
            """);

        Expect.At(findings, "docker-labels", 8, 11);
        var volume = Expect.At(findings, "docker-labels", 9, 11);
        Assert.Contains("managed-by=ci", volume.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\"environment=testing\"", volume.Message, StringComparison.Ordinal);
        Expect.At(findings, "docker-labels", 10, 19);
    }

    [Fact]
    public void Labelled_commands_including_continued_lines_and_other_docker_commands_are_fine()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      docker run --rm \
                        --label environment=testing \
                        --label managed-by=ci alpine true
                      docker ps
                      docker logs app
            """);

        Expect.None(findings, "docker-labels");
    }
}
