using Tailpaste.ValidateWorkflows.Tests.Support;

namespace Tailpaste.ValidateWorkflows.Tests.Rules;

public class DeployAfterBackupRuleTests
{
    [Fact]
    public void Deploy_without_backup_or_concurrency_is_reported()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - uses: ./actions/backup-restore
                    with: {mode: restore}
                  - uses: ./actions/deploy
            """);

        Expect.At(findings, "deploy-after-backup", 3, 3);
        Expect.At(findings, "deploy-after-backup", 8, 15);
    }

    [Fact]
    public void Backup_after_the_deploy_does_not_count()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            concurrency: deploy
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - uses: ./actions/deploy
                  - uses: ./actions/backup-restore
                    with: {mode: backup}
            """);

        Expect.At(findings, "deploy-after-backup", 7, 15);
    }

    [Fact]
    public void Backup_in_a_needed_job_and_a_concurrency_group_are_fine()
    {
        var findings = TempRepository.LintWorkflow("""
            on: push
            jobs:
              backup:
                runs-on: ubuntu-latest
                steps:
                  - uses: ./actions/backup-restore
                    with: {mode: backup}
              migrate:
                needs: backup
                runs-on: ubuntu-latest
                steps:
                  - run: echo
              deploy:
                needs: migrate
                concurrency: {group: deploy}
                runs-on: ubuntu-latest
                steps:
                  - uses: ./actions/deploy
            """);

        Expect.None(findings, "deploy-after-backup");
    }
}
