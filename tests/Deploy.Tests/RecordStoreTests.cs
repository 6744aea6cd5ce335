using System.Text;
using Tailpaste.Deploy.Record;

namespace Tailpaste.Deploy.Tests;

public sealed class RecordStoreTests
{
    private static readonly DeployRecord _record = new()
    {
        Service = "tailpaste",
        Strategy = "blue-green",
        Phase = DeployPhase.Switched,
        LiveSlot = "blue",
        LiveImage = "tailpaste/paste-service:1.0.0",
        Candidate = "green",
        Sequence = 7,
    };

    [Fact]
    public void A_record_reads_back_as_written()
    {
        var parsed = RecordStore.Parse(RecordStore.Serialize(_record));

        Assert.Equal(_record, parsed);
    }

    [Fact]
    public void A_record_cut_short_by_a_crash_is_not_a_record()
    {
        var bytes = RecordStore.Serialize(_record);

        for (var length = 0; length < bytes.Length - 1; length += 7)
        {
            Assert.Null(RecordStore.Parse(bytes[..length]));
        }
    }

    [Fact]
    public void An_altered_record_fails_its_checksum()
    {
        var text = Encoding.UTF8.GetString(RecordStore.Serialize(_record)).Replace("\"blue\"", "\"green\"", StringComparison.Ordinal);

        Assert.Null(RecordStore.Parse(Encoding.UTF8.GetBytes(text)));
    }
}
