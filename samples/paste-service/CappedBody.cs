namespace Tailpaste.PasteService;

/// <summary>A request body read under a size cap: its bytes, or the fact that it was too large.</summary>
public sealed class CappedBody
{
    private CappedBody(byte[] bytes, bool isTooLarge)
    {
        Bytes = bytes;
        IsTooLarge = isTooLarge;
    }

    public static CappedBody TooLarge { get; } = new([], true);

    public byte[] Bytes { get; }

    public bool IsTooLarge { get; }

    public static CappedBody Of(byte[] bytes) => new(bytes, false);
}
