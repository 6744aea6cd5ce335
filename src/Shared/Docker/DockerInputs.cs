using Tailpaste.Shared.Actions;

namespace Tailpaste.Shared.Docker;

/// <summary>
/// Typed getters for the Docker-shaped inputs every action spells the same way: labels to put on what it creates,
/// a selector (all of), protected labels (any of), a container name, an image reference, a volume, and the engine (<c>docker-host</c>, else <c>DOCKER_HOST</c>,
/// else the local socket).
/// </summary>
public static class DockerInputs
{
    public const string DockerHostInput = "docker-host";
    public const string DockerHostVariable = "DOCKER_HOST";

    /// <summary>Labels to put on the resources the action creates.</summary>
    public static LabelSet GetLabelSetInput(this ActionInputs inputs, string name)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return LabelSet.Parse(inputs.GetInput(name, required: true), name);
    }

    /// <summary>A selector: a resource must carry every pair.</summary>
    public static LabelSelector GetLabelSelectorInput(this ActionInputs inputs, string name)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return LabelSelector.Parse(inputs.GetInput(name, required: true), name);
    }

    /// <summary>Protected labels: a resource that carries any pair (or environment=production) is never touched.</summary>
    public static ProtectedLabels GetProtectedLabelsInput(this ActionInputs inputs, string name)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return ProtectedLabels.Parse(inputs.GetInput(name, required: true), name);
    }

    /// <summary>
    /// A container name or id (<see cref="DockerNames.ContainerExpected"/>), without the leading slash the engine may
    /// show; <paramref name="maxLength"/> where the name is a base that others are made from.
    /// </summary>
    public static string GetContainerNameInput(this ActionInputs inputs, string name, int? maxLength = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var container = inputs.GetInput(name, required: true);
        if (!DockerNames.IsContainerName(container) || container.Length > maxLength)
        {
            throw inputs.Invalid(name, container, maxLength is null ? DockerNames.ContainerExpected : $"{DockerNames.ContainerExpected}, at most {maxLength} characters");
        }

        return container.TrimStart('/');
    }

    /// <summary>An <see cref="InputFormats.ImageReference"/>; empty or anything else is bad input.</summary>
    public static string GetImageInput(this ActionInputs inputs, string name)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return CheckedImage(inputs, name, inputs.GetInput(name, required: true));
    }

    /// <summary>An <see cref="InputFormats.ImageReference"/>, or null when the input is empty.</summary>
    public static string? GetOptionalImageInput(this ActionInputs inputs, string name)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return inputs.GetOptionalInput(name) is { } image ? CheckedImage(inputs, name, image) : null;
    }

    /// <summary>A volume name (<see cref="DockerNames.VolumeExpected"/>); empty or anything else is bad input.</summary>
    public static string GetVolumeInput(this ActionInputs inputs, string name)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return DockerNames.Volume(inputs.GetInput(name, required: true), name);
    }

    /// <summary><see cref="GetVolumeInput"/>, or null when the input is empty.</summary>
    public static string? GetOptionalVolumeInput(this ActionInputs inputs, string name)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return inputs.GetOptionalInput(name) is { } volume ? DockerNames.Volume(volume, name) : null;
    }

    /// <summary>
    /// The engine from the <c>docker-host</c> input, else the <c>DOCKER_HOST</c> variable, else the local socket.
    /// With <paramref name="needed"/> false the input is read but not parsed and the local socket is returned: an
    /// action that may not touch Docker in this run must not fail on a DOCKER_HOST meant for other tools.
    /// </summary>
    public static DockerHostSetting GetDockerHostInput(this ActionInputs inputs, RunnerEnvironment runner, bool needed = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(runner);
        var given = inputs.GetOptionalInput(DockerHostInput);
        if (!needed)
        {
            return new DockerHostSetting(DockerEndpoint.Default, DockerHostInput);
        }

        if (given is not null)
        {
            return new DockerHostSetting(DockerEndpoint.Parse(given, DockerHostInput), DockerHostInput);
        }

        return runner.Get(DockerHostVariable) is { } fromVariable
            ? new DockerHostSetting(DockerEndpoint.Parse(fromVariable, DockerHostVariable), DockerHostVariable)
            : new DockerHostSetting(DockerEndpoint.Default, DockerHostInput);
    }

    private static string CheckedImage(ActionInputs inputs, string name, string image) =>
        InputFormats.ImageReference.IsValid(image) ? image : throw inputs.Invalid(name, image, InputFormats.ImageReference.Expected);
}
