using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// A registry password written into the workflow (<c>container.credentials.password</c>, the same under
/// <c>services</c>) is readable by everyone who can read the repository; it belongs in a secret.
/// </summary>
public sealed class ContainerCredentialsRule : Rule
{
    public override string Id => "container-credentials";

    public override string Description => "container and services credentials take the password from an expression (a secret), never as plain text.";

    public override void VisitJob(Job job, RuleContext context)
    {
        Check(job.Body.GetMapping("container"), "the job container", context);
        foreach (var (name, service) in job.Body.GetMapping("services")?.Entries ?? [])
        {
            Check(service as MappingNode, $"service \"{name.Value}\"", context);
        }
    }

    private static void Check(MappingNode? container, string what, RuleContext context)
    {
        if (container?.GetMapping("credentials")?.GetScalar("password") is { IsNull: false, ContainsExpression: false } password)
        {
            context.Report(password, $"the registry password of {what} is written in the workflow; use a secret, for example \"password: ${{{{ secrets.REGISTRY_PASSWORD }}}}\"");
        }
    }
}
