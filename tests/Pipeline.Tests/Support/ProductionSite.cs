using Tailpaste.Pipeline.Tests.Harness;
using Tailpaste.TestKit;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.Pipeline.Tests.Support;

/// <summary>
/// Production as deploy.yml, rollback.yml and health-check.yml find it: the service under test, and a harness whose
/// variables point the workflows at it and at backup, history and deploy volumes of the test's own; plus the backup
/// a job outside the workflows (a nightly schedule) would take.
/// </summary>
public sealed class ProductionSite
{
    private readonly DockerEngineFixture _engine;

    private ProductionSite(DockerEngineFixture engine, ServiceUnderTest service, WorkflowHarness harness)
    {
        _engine = engine;
        Service = service;
        Harness = harness;
    }

    public ServiceUnderTest Service { get; }

    public WorkflowHarness Harness { get; }

    /// <summary>Starts the service (see <see cref="ServiceUnderTest.StartAsync"/> for the arguments) and the harness that points at it.</summary>
    public static async Task<ProductionSite> StartAsync(DockerEngineFixture engine, string? runningTag = null, params string[] runningChanges)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var service = await ServiceUnderTest.StartAsync(engine, runningTag, runningChanges);
        var harness = new WorkflowHarness(RepositoryRoot.Path, () => new ContainerLocalActions(engine));
        harness.Vars["TAILPASTE_URL"] = service.UrlText;
        harness.Vars["TAILPASTE_CONTAINER"] = service.Name;
        harness.Vars["TAILPASTE_IMAGE"] = service.ImageRepository;
        harness.Vars["TAILPASTE_BACKUP_VOLUME"] = await engine.CreateVolumeAsync("tailpaste-pipeline-backups");
        harness.Vars["TAILPASTE_HISTORY_VOLUME"] = await engine.CreateVolumeAsync("tailpaste-pipeline-history");
        harness.Vars["TAILPASTE_DEPLOY_VOLUME"] = await engine.CreateVolumeAsync("tailpaste-pipeline-deploy");
        return new ProductionSite(engine, service, harness);
    }

    /// <summary>Backs the service up into the site's backup volume, by the backup-restore action in a job of its own; the backup's id.</summary>
    /// <param name="verify">Runs the restore drill on the new backup (verify-after-backup).</param>
    public async Task<string> BackupAsync(bool verify = false)
    {
        using var job = new ContainerActionRunner(_engine);
        var backup = await job.RunAsync("backup-restore", new Dictionary<string, string>
        {
            ["mode"] = "backup",
            ["container-name"] = Service.Name,
            ["backup-volume"] = Harness.Vars["TAILPASTE_BACKUP_VOLUME"],
            ["service-url"] = Service.UrlText,
            ["verify-after-backup"] = verify ? "true" : "false",
        });
        Assert.True(backup.ExitCode == 0, backup.ToString());
        return backup.Outputs["backup-id"];
    }
}
