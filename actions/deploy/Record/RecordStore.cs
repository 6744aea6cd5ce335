using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Tailpaste.Deploy.Record;

/// <summary>
/// Keeps the deploy record crash-safe in the deploy volume with two alternating files, <c>record-a.json</c> and
/// <c>record-b.json</c>, each with a sequence number and a SHA-256 of its content. A write goes to the file that
/// does not hold the newest record, so a write cut short (the run killed, the engine gone) damages only that file:
/// the reader takes the newest file whose checksum holds, which is then the record as it was before the write.
/// </summary>
public sealed class RecordStore(DeployVolume volume, string service)
{
    private static readonly string[] _files = ["record-a.json", "record-b.json"];

    private (DeployRecord Record, int File)? _newest;

    /// <summary>The newest whole record; null when the service has none yet.</summary>
    public async Task<DeployRecord?> ReadAsync(CancellationToken cancellationToken)
    {
        _newest = null;
        for (var i = 0; i < _files.Length; i++)
        {
            var bytes = await volume.ReadAsync($"{service}/{_files[i]}", cancellationToken).ConfigureAwait(false);
            if (bytes is not null && Parse(bytes) is { } record && (_newest is null || record.Sequence > _newest.Value.Record.Sequence))
            {
                _newest = (record, i);
            }
        }

        return _newest?.Record;
    }

    /// <summary>Writes <paramref name="record"/> as the next one (its sequence is set here); returns it as written.</summary>
    public async Task<DeployRecord> WriteAsync(DeployRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var next = record with { Sequence = (_newest?.Record.Sequence ?? 0) + 1 };
        var file = _newest is { File: var current } ? 1 - current : 0;
        await volume.WriteAsync($"{service}/{_files[file]}", Serialize(next), cancellationToken).ConfigureAwait(false);
        _newest = (next, file);
        return next;
    }

    /// <summary>The file's text: a checksum line, then the JSON it covers.</summary>
    internal static byte[] Serialize(DeployRecord record)
    {
        var json = JsonSerializer.Serialize(record, RecordJson.Default.DeployRecord);
        return Encoding.UTF8.GetBytes($"sha256:{Checksum(json)}\n{json}\n");
    }

    /// <summary>The record, or null when the file is cut short, altered or not a record.</summary>
    internal static DeployRecord? Parse(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        if (newline < 0 || !text.StartsWith("sha256:", StringComparison.Ordinal))
        {
            return null;
        }

        var json = text[(newline + 1)..].TrimEnd('\n');
        if (!string.Equals(text[7..newline], Checksum(json), StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, RecordJson.Default.DeployRecord);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Checksum(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}
