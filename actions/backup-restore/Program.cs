using Tailpaste.BackupRestore;
using Tailpaste.BackupRestore.Helper;
using Tailpaste.Shared.Actions;

// Inside a helper container the same program does the SQLite work next to the service's files.
return args is [HelperProgram.Verb, .. var rest]
    ? await HelperProgram.RunAsync(rest, Console.Out, CancellationToken.None)
    : await ActionHost.RunProcessAsync(BackupRestoreAction.Definition, args);
