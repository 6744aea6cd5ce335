using Tailpaste.BackupRestore.Reporting;

namespace Tailpaste.BackupRestore.Modes;

/// <summary>How a mode ended: the exit code, the outputs and the report.</summary>
public sealed record ModeResult(int ExitCode, BackupRestoreOutputs Outputs, BackupRestoreReport Report);
