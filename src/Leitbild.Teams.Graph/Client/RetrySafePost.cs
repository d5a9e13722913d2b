using Microsoft.Kiota.Abstractions;

namespace Leitbild.Teams.Graph.Client;

/// <summary>
/// Marks a POST that only reads (getSchedule) or whose repetition is harmless, so <see cref="ThrottlingHandler"/>
/// retries it on 503 like a GET. Kiota hands request options to the handlers in <see cref="HttpRequestMessage.Options"/>.
/// </summary>
public sealed class RetrySafePost : IRequestOption
{
    public static RetrySafePost Instance { get; } = new();

    internal static readonly HttpRequestOptionsKey<IRequestOption> Key = new(typeof(RetrySafePost).FullName!);

    internal static bool IsMarked(HttpRequestMessage request) => request.Options.TryGetValue(Key, out var option) && option is RetrySafePost;
}
