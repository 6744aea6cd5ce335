using System.Text;

namespace Tailpaste.Shared.Actions;

/// <summary>
/// The runner contract over real files and a writer: outputs, state and env through the runner's files,
/// workflow commands on stdout, the step summary. Outside an Actions run it prints plainly instead:
/// outputs as <c>name=value</c>, annotations as <c>error: file:line:col: message</c>, the summary as Markdown.
/// Every line written passes through the secret masker.
/// </summary>
public sealed class ActionCore
{
    private readonly RunnerEnvironment _runner;
    private readonly ActionManifest _manifest;
    private readonly ActionInputs _inputs;
    private readonly TextWriter _stdout;
    private readonly FileCommandWriter _fileCommands;

    public ActionCore(RunnerEnvironment runner, ActionManifest manifest, ActionInputs inputs, TextWriter stdout, FileCommandWriter? fileCommands = null)
    {
        _runner = runner ?? throw new ArgumentNullException(nameof(runner));
        _manifest = manifest ?? throw new ArgumentNullException(nameof(manifest));
        _inputs = inputs ?? throw new ArgumentNullException(nameof(inputs));
        _stdout = stdout ?? throw new ArgumentNullException(nameof(stdout));
        _fileCommands = fileCommands ?? new FileCommandWriter();
        foreach (var secret in inputs.SecretValues)
        {
            SetSecret(secret);
        }
    }

    public bool IsActions => _runner.IsActions;

    public bool IsDebug => _runner.IsDebug;

    public Summary Summary { get; } = new();

    public SecretMasker Masker { get; } = new();

    /// <summary>True once <see cref="SetFailed"/> was called.</summary>
    public bool Failed { get; private set; }

    public ActionInputs Inputs => _inputs;

    public string GetInput(string name, bool required = false) => _inputs.GetInput(name, required);

    public bool GetBoolInput(string name) => _inputs.GetBoolInput(name);

    public IReadOnlyList<string> GetMultilineInput(string name) => _inputs.GetMultilineInput(name);

    public async Task SetOutputAsync(string name, object? value, CancellationToken cancellationToken = default)
    {
        if (!_manifest.DeclaresOutput(name))
        {
            throw new InvalidOperationException($"The code writes output '{name}', which action.yml does not declare.");
        }

        var text = Masker.Apply(OutputValues.Format(value));
        if (_runner.OutputFile is { } file)
        {
            await _fileCommands.AppendAsync(file, name, text, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _stdout.WriteLineAsync($"{name}={text}".AsMemory(), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task SetOutputsAsync(object outputs, CancellationToken cancellationToken = default)
    {
        foreach (var (name, value) in OutputValues.From(outputs))
        {
            await SetOutputAsync(name, value, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task SaveStateAsync(string name, object? value, CancellationToken cancellationToken = default)
    {
        if (_runner.StateFile is { } file)
        {
            await _fileCommands.AppendAsync(file, name, OutputValues.Format(value), cancellationToken).ConfigureAwait(false);
        }
    }

    public string GetState(string name) => _runner.State.TryGetValue(name, out var value) ? value : string.Empty;

    public async Task ExportVariableAsync(string name, object? value, CancellationToken cancellationToken = default)
    {
        if (_runner.EnvFile is { } file)
        {
            await _fileCommands.AppendAsync(file, name, OutputValues.Format(value), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task AddPathAsync(string path, CancellationToken cancellationToken = default)
    {
        if (_runner.PathFile is { } file)
        {
            await File.AppendAllTextAsync(file, path + "\n", cancellationToken).ConfigureAwait(false);
        }
    }

    public void SetSecret(string secret)
    {
        // The runner hides the add-mask line itself; outside a run, printing it would show the secret.
        if (Masker.Add(secret) && IsActions)
        {
            foreach (var value in Masker.Secrets.Where(s => secret.Contains(s, StringComparison.Ordinal)))
            {
                _stdout.WriteLine(WorkflowCommand.Format("add-mask", null, value));
            }
        }
    }

    public void SetFailed(string message)
    {
        Failed = true;
        WriteError(message);
    }

    public void WriteError(string message, AnnotationProperties? properties = null) => Annotate("error", message, properties);

    public void WriteWarning(string message, AnnotationProperties? properties = null) => Annotate("warning", message, properties);

    public void WriteNotice(string message, AnnotationProperties? properties = null) => Annotate("notice", message, properties);

    public void WriteDebug(string message)
    {
        if (IsActions)
        {
            _stdout.WriteLine(WorkflowCommand.Format("debug", null, Masker.Apply(message)));
        }
        else if (IsDebug)
        {
            _stdout.WriteLine(UntrustedText.Neutralise("debug: " + Masker.Apply(message)));
        }
    }

    /// <summary>Prints text as log lines; a line of it can never act as a workflow command (see <see cref="UntrustedText"/>).</summary>
    public void WriteInfo(string message) => _stdout.WriteLine(UntrustedText.Neutralise(Masker.Apply(message)));

    public void StartGroup(string name)
    {
        _stdout.WriteLine(IsActions ? WorkflowCommand.Format("group", null, Masker.Apply(name)) : UntrustedText.Neutralise($"== {Masker.Apply(name)}"));
    }

    public void EndGroup()
    {
        if (IsActions)
        {
            _stdout.WriteLine("::endgroup::");
        }
    }

    /// <summary>True once the summary was written (so the host does not write it twice after a crash).</summary>
    public bool SummaryWritten { get; private set; }

    public async Task<SummaryText> WriteSummaryAsync(CancellationToken cancellationToken = default)
    {
        SummaryWritten = true;
        if (_runner.StepSummaryFile is { } file)
        {
            var existing = File.Exists(file) ? (int)Math.Min(new FileInfo(file).Length, Summary.DefaultLimitBytes) : 0;
            var text = Summary.Render(Summary.DefaultLimitBytes - existing);
            await File.AppendAllTextAsync(file, Masker.Apply(text.Markdown), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            if (text.Truncated)
            {
                WriteWarning($"The step summary was cut to GitHub's limit ({text.FullLengthBytes} bytes were built); the JSON report has everything.");
            }

            return text;
        }

        var plain = Summary.Render(int.MaxValue);
        await _stdout.WriteAsync(UntrustedText.Neutralise(Masker.Apply(plain.Markdown)).AsMemory(), cancellationToken).ConfigureAwait(false);
        return plain;
    }

    private void Annotate(string level, string message, AnnotationProperties? properties)
    {
        message = Masker.Apply(message);
        if (IsActions)
        {
            _stdout.WriteLine(WorkflowCommand.Format(level, WorkflowCommand.Properties(properties), message));
            return;
        }

        var where = properties?.File is { } file
            ? $"{file}{(properties.StartLine is { } line ? $":{line}" : string.Empty)}{(properties.StartColumn is { } col ? $":{col}" : string.Empty)}: "
            : string.Empty;
        _stdout.WriteLine(UntrustedText.Neutralise($"{level}: {where}{message}"));
    }
}
