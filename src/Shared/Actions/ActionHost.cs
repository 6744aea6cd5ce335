namespace Tailpaste.Shared.Actions;

/// <summary>
/// The one entry point every action's Program.cs calls: parse the command line and the runner's
/// variables, print --help, mask secrets, bind typed options, run, and map failures to the shared
/// exit codes (bad input → 2 with a message naming the input).
/// </summary>
public static class ActionHost
{
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
            var commandLine = CommandLine.Parse(args, action.Manifest, action.Aliases);
            if (commandLine.HelpRequested)
            {
                await stdout.WriteAsync(HelpText.Render(action.Manifest, action.Command, action.Aliases, action.Usage)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            var values = InputValues.Gather(action.Manifest, variables, commandLine.Values);
            var inputs = new ActionInputs(action.Manifest, values, commandLine.Arguments);
            core = new ActionCore(runner, action.Manifest, inputs, stdout);
            var options = action.Bind(inputs, runner);
            return await action.Run(options, core, cancellationToken).ConfigureAwait(false);
        }
        catch (InputException e)
        {
            var message = core?.Masker.Apply(e.Message) ?? e.Message;
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
    }
}
