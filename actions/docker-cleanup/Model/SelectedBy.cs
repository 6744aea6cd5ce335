namespace Tailpaste.DockerCleanup.Model;

/// <summary>Why a resource was considered for removal at all.</summary>
public enum SelectedBy
{
    /// <summary>It carries every label of the selector.</summary>
    Labels,

    /// <summary>prune-dangling: an untagged image, or a stopped container without any label.</summary>
    Dangling,
}
