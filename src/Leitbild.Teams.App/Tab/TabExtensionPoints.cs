using Leitbild.Teams.App.Tab.Auth;

namespace Leitbild.Teams.App.Tab;

/// <summary>
/// One entry of a list the tab shows (a poll, an appointment, an event). Features that arrive later (polls, scheduling,
/// results) register the sources below in their own <c>Add…()</c>; until one does, the tab says the feature is still
/// coming instead of showing an empty list that would look like "nothing there".
/// </summary>
public sealed record TabItem(string Id, string Title, string? Status, DateTimeOffset? Start, DateTimeOffset? End, string? Link,
    IReadOnlyList<TabItemAction>? Actions = null);

/// <summary>
/// Something the signed-in person can do with an item, drawn as a button: <see cref="TabItemActionKinds.Post"/> calls
/// <c>Url</c> (an /api/ address) with the person's token and reloads the list; <see cref="TabItemActionKinds.Download"/>
/// fetches a file from <c>Url</c> with the token and saves it. The API behind the address decides whether it is allowed.
/// </summary>
public sealed record TabItemAction(string Kind, string Label, string Url);

public static class TabItemActionKinds
{
    public const string Post = "post";
    public const string Download = "download";
}

/// <summary>Well-known kinds, shared by the server and the client scripts.</summary>
public static class TabItemKinds
{
    public const string Polls = "polls";
    public const string Events = "events";
    public const string Appointments = "appointments";
}

/// <summary>Items that belong to the phases of a process (the Process page's "Umfragen" and "Termine" per phase).</summary>
public interface IPhaseItemsSource
{
    /// <summary><see cref="TabItemKinds.Polls"/> or <see cref="TabItemKinds.Events"/>.</summary>
    string Kind { get; }

    /// <summary>Items by phase id; a phase without items may be missing from the result.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<TabItem>>> ForProcessAsync(string processId, TabUser user, string language, CancellationToken cancellationToken);
}

/// <summary>The signed-in person's own items on "Mein Leitbild" (open polls, appointments).</summary>
public interface IMyItemsSource
{
    /// <summary><see cref="TabItemKinds.Polls"/> or <see cref="TabItemKinds.Appointments"/>.</summary>
    string Kind { get; }

    Task<IReadOnlyList<TabItem>> ForPersonAsync(TabUser user, string language, CancellationToken cancellationToken);
}

/// <summary>
/// A dashboard section that a feature fills with its own client module (an ES module under wwwroot exporting
/// <c>render(container, context)</c>). Register with <c>services.AddSingleton(new TabSectionModule(...))</c>.
/// </summary>
public sealed record TabSectionModule(string SectionId, string ModuleUrl);

/// <summary>The dashboard's sections, in navigation order, and the feature each one waits for.</summary>
public static class TabSections
{
    public const string Process = "prozess";
    public const string InterviewsWorkshops = "interviews-workshops";
    public const string Polls = "umfragen";
    public const string Results = "ergebnisse";

    public static readonly IReadOnlyList<(string Id, string? Feature)> All =
    [
        (Process, null),
        (InterviewsWorkshops, "scheduling"),
        (Polls, "polls"),
        (Results, "results"),
    ];
}
