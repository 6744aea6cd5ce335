namespace Tailpaste.Shared.Actions;

/// <summary>
/// The one entry point every action's Program.cs calls: parse the command line and the runner's
/// variables, print --help, mask secrets, bind typed options, run, and map every ending to the shared
/// exit codes: bad input → 2 with a message naming the input; anything the action did not expect → 1 with
/// an error annotation (never a crash, never a stack trace unless the runner's debug logging is on).
/// </summary>
public static class ActionHost
{
    /// <summary>Runs the action as this process: the process's variables and console, and exit code 1 for
    /// an exception that escapes on another thread (the runtime would otherwise abort with 134).</summary>
    public static Task<int> RunProcessAsync<TOptions>(ActionDefinition<TOptions> action, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(action);
        var variables = RunnerEnvironment.ProcessVariables();
        var runner = RunnerEnvironment.FromVariables(variables);
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            Console.Out.WriteLine(CrashMessage(action.Command, e.ExceptionObject as Exception, runner, masker: null));
            Console.Out.Flush();
            Environment.Exit(ExitCodes.Failed);
        };
        return RunAsync(action, args, variables, Console.Out, Console.Error);
    }

    public static async Task<int> RunAsync<TOptions>(
        ActionDefinition<TOptions> action,
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string> variables,
        TextWriter stdout,
        TextWriter stderr,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var runner = RunnerEnvironment.FromVariables(variables);
        ActionCore? core = null;
        try
        {
            var commandLine = CommandLine.Parse(args, action.Manifest, action.Aliases, acceptsArguments: action.Usage is not null);
            if (commandLine.HelpRequested)
            {
                await stdout.WriteAsync(HelpText.Render(action.Manifest, action.Command, action.Aliases, action.Usage)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            var values = InputValues.Gather(action.Manifest, variables, commandLine.Values, runner.IsActions);
            var inputs = new ActionInputs(action.Manifest, values, commandLine.Arguments);
            core = new ActionCore(runner, action.Manifest, inputs, stdout);
            var options = action.Bind(inputs, runner);
            return await action.Run(options, core, cancellationToken).ConfigureAwait(false);
        }
        catch (InputException e)
        {
            var message = UntrustedText.Neutralise(core?.Masker.Apply(e.Message) ?? e.Message);
            if (runner.IsActions)
            {
                await stdout.WriteLineAsync(WorkflowCommand.Format("error", [new("title", "Bad input")], message)).ConfigureAwait(false);
            }
            else
            {
                await stderr.WriteLineAsync($"error: {message}\nRun '{action.Command} --help' for the inputs and their values.").ConfigureAwait(false);
            }

            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("error: cancelled").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
#pragma warning disable CA1031 // The exit-code contract: whatever escapes an action is a failed step, not a crash.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await stdout.WriteLineAsync(CrashMessage(action.Command, e, runner, core?.Masker)).ConfigureAwait(false);
            await WriteWhatThereIsAsync(core).ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }

    /// <summary>One error line: what failed and why; the stack trace only with the runner's debug logging on.</summary>
    private static string CrashMessage(string command, Exception? exception, RunnerEnvironment runner, SecretMasker? masker)
    {
        var reason = exception is null ? "an unknown error" : $"{exception.GetType().Name}: {exception.Message}";
        var message = $"{command} stopped on an error it did not expect ({reason}). Nothing after this point was done.";
        if (runner.IsDebug && exception is not null)
        {
            message += "\n" + exception;
        }

        message = masker?.Apply(message) ?? message;
        return runner.IsActions
            ? WorkflowCommand.Format("error", [new("title", $"{command} failed")], message)
            : UntrustedText.Neutralise("error: " + message);
    }

    // The summary built so far still tells the reader what happened before the error.
    private static async Task WriteWhatThereIsAsync(ActionCore? core)
    {
        if (core is null || core.SummaryWritten)
        {
            return;
        }

        try
        {
            await core.WriteSummaryAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Best effort: the step already failed, and the error line above says why.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
