using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class ContainerCredentialsRuleTests
{
    [Fact]
    public void Plain_text_passwords_of_the_container_and_services_are_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            permissions: {}
            jobs:
              build:
                runs-on: ubuntu-latest
                container:
                  image: ghcr.io/acme/build
                  credentials: {username: bot, password: hunter2}
                services:
                  db:
                    image: ghcr.io/acme/db
                    credentials:
                      username: bot
                      password: "p@ss"
                steps:
                  - run: echo
            """);

        Expect.At(findings, "container-credentials", 8, 46);
        Expect.At(findings, "container-credentials", 14, 21);
        Expect.Count(findings, "container-credentials", 2);
    }

    [Fact]
    public void Passwords_from_secrets_are_fine()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            permissions: {}
            jobs:
              build:
                runs-on: ubuntu-latest
                container:
                  image: ghcr.io/acme/build
                  credentials:
                    username: ${{ github.actor }}
                    password: ${{ secrets.GITHUB_TOKEN }}
                services:
                  cache: {image: redis}
                steps:
                  - run: echo
            """);

        Expect.None(findings, "container-credentials");
    }
}
