using System.Diagnostics;
using System.Globalization;
using Tailpaste.ReleaseArtifacts.Checksums;

// usage: sha256-bench FILE
// Prints "<hex> <wall s> <wall MB/s> <cpu s> <cpu MB/s> <user s> <user MB/s>" for Sha256Digest.OfFileAsync, timed in-process. The CPU
// figures are user + system time of this process while hashing; the user figures compare with `openssl speed`,
// which divides by CPU user time, and stay meaningful on a machine shared with other jobs.
if (args.Length != 1 || !File.Exists(args[0]))
{
    await Console.Error.WriteLineAsync("usage: sha256-bench FILE");
    return 2;
}

// Warm up first (JIT, thread pool, OpenSSL's first use), as openssl speed's figure has no start-up in it
// either; the whole process, start-up included, is timed separately by run.sh.
var warmUp = Path.GetTempFileName();
try
{
    await File.WriteAllBytesAsync(warmUp, new byte[9 << 20]);
    await Sha256Digest.OfFileAsync(warmUp);
}
finally
{
    File.Delete(warmUp);
}

using var self = Process.GetCurrentProcess();
self.Refresh();
var cpuBefore = self.TotalProcessorTime;
var userBefore = self.UserProcessorTime;
var watch = Stopwatch.StartNew();
var hex = await Sha256Digest.OfFileAsync(args[0]);
watch.Stop();
self.Refresh();
var cpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
var user = (self.UserProcessorTime - userBefore).TotalSeconds;
var bytes = new FileInfo(args[0]).Length;
var wall = watch.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{hex} {wall:F3} {bytes / wall / 1e6:F1} {cpu:F3} {bytes / cpu / 1e6:F1} {user:F3} {bytes / user / 1e6:F1}"));
return 0;
