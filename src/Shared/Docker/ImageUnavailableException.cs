namespace Tailpaste.Shared.Docker;

/// <summary>The image a sibling container needs is not on the engine and could not be pulled; names the image and what chose it.</summary>
public sealed class ImageUnavailableException : IOException
{
    public ImageUnavailableException()
    {
    }

    public ImageUnavailableException(string message)
        : base(message)
    {
    }

    public ImageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ImageUnavailableException(string image, string imageSource, string reason)
        : base($"the helper image {image} ({imageSource}) is not on the engine and pulling it failed: {reason}")
    {
        Image = image;
        ImageSource = imageSource;
        Reason = reason;
    }

    public string? Image { get; }

    /// <summary>What chose the image (usually an action input).</summary>
    public string? ImageSource { get; }

    public string? Reason { get; }
}
