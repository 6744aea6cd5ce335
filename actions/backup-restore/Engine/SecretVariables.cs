using System.Text.RegularExpressions;

namespace Tailpaste.BackupRestore.Engine;

/// <summary>
/// Which container variables are taken to hold secrets, by name: those are never written to a backup, only
/// their names. A secret under another name (or in the command line) cannot be told apart; see the README.
/// </summary>
public static partial class SecretVariables
{
    public static bool IsSecret(string name) => SecretName().IsMatch(name);

    [GeneratedRegex("TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|CREDENTIAL|PRIVATE|API_?KEY|ACCESS_?KEY|AUTH|WEBHOOK|DSN|CONNECTION_?STRING", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();
}
