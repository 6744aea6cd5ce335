namespace Tailpaste.PasteService;

/// <summary>
/// Endpoint metadata: <c>FAULT_ERROR_RATE</c> never hits this endpoint. The operational endpoints
/// carry it so a deliberately broken deployment is still observable (and still alive).
/// </summary>
public sealed class FaultErrorExempt
{
    public static FaultErrorExempt Instance { get; } = new();

    private FaultErrorExempt()
    {
    }
}
