using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Tailpaste.TestKit;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>
/// Misbehaving servers on 127.0.0.1 for the bad-input tests: one that answers 200 and never ends its body,
/// and one that speaks TLS with a certificate nobody trusts. Each serves until disposed.
/// </summary>
public sealed class LocalServer : IAsyncDisposable
{
    private readonly LoopbackListener _listener;

    private LocalServer(Func<NetworkStream, CancellationToken, Task> serve) =>
        _listener = new LoopbackListener((client, stop) => serve(client.GetStream(), stop));

    public int Port => _listener.Port;

    /// <summary>Answers 200 with a chunked body that keeps coming, 1 KiB every <paramref name="interval"/> (20 ms by default), until the client goes away.</summary>
    public static LocalServer Endless(TimeSpan? interval = null) => new(async (stream, stop) =>
    {
        await ReadHeadersAsync(stream, stop);
        await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"u8.ToArray(), stop);
        var chunk = Encoding.ASCII.GetBytes("400\r\n" + new string('x', 0x400) + "\r\n");
        while (!stop.IsCancellationRequested)
        {
            await stream.WriteAsync(chunk, stop);
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(20), stop);
        }
    });

    /// <summary>Answers 200 with a large body all at once (for the body cap).</summary>
    public static LocalServer Large(int bytes) => new(async (stream, stop) =>
    {
        await ReadHeadersAsync(stream, stop);
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {bytes}\r\n\r\n"), stop);
        await stream.WriteAsync(new byte[bytes], stop);
    });

    /// <summary>A TLS endpoint with a fresh self-signed certificate for localhost.</summary>
    public static LocalServer UntrustedTls()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        var certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
        return new LocalServer(async (stream, stop) =>
        {
            using var tls = new SslStream(stream);
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, stop);
            await ReadHeadersAsync(tls, stop);
            await tls.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nOK\n"u8.ToArray(), stop);
        });
    }

    public ValueTask DisposeAsync() => _listener.DisposeAsync();

    private static async Task ReadHeadersAsync(Stream stream, CancellationToken stop)
    {
        var seen = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one, stop) == 1)
        {
            seen.Add(one[0]);
            if (seen.Count >= 4 && seen[^1] == '\n' && seen[^2] == '\r' && seen[^3] == '\n' && seen[^4] == '\r')
            {
                return;
            }
        }
    }
}
