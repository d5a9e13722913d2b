namespace Leitbild.Teams.App.Privacy;

/// <summary>What kind of data a table holds, as the record of processing (Art. 30 DSGVO) names it.</summary>
public enum DataCategory
{
    /// <summary>Answers to named polls: the Entra object id beside the answer.</summary>
    NamedAnswers,
    /// <summary>Answers to anonymous polls: a keyed hash instead of a person; only counted, never looked up by person.</summary>
    AnonymousAnswers,
    /// <summary>That someone took part in a poll (for reminders), never what they answered.</summary>
    Participation,
    /// <summary>Interview and workshop appointments, proposals, votes: who meets when.</summary>
    Bookings,
    /// <summary>Interview notes: statements, consent, the name where the interviewee agreed to be named.</summary>
    InterviewNotes,
    /// <summary>Teams chats the bot may write to, and what it sent to whom.</summary>
    Conversations,
    /// <summary>People, offices and roles: the seeded staff list or the copy synced from Entra ID.</summary>
    Directory,
    /// <summary>Who among the organizers did what (audit log, moderation, recorded outcomes, poll authors).</summary>
    OrganizerActions,
    /// <summary>The process, goals, polls and rooms: no person in them beyond an author.</summary>
    ProcessContent,
    /// <summary>Schema versions and keys the app needs to run.</summary>
    Technical,
}

/// <summary>What the retention run (and, where it names a person, an erasure request) does to a table.</summary>
public enum RetentionTreatment
{
    /// <summary>Every row goes.</summary>
    Deleted,
    /// <summary>Rows that name a person go; anonymous ones stay.</summary>
    NamedRowsDeleted,
    /// <summary>The rows stay, the columns that name a person are emptied.</summary>
    PersonLinksRemoved,
    /// <summary>Kept: holds no personal data, or is replaced from its source (the directory).</summary>
    Kept,
}

/// <summary>
/// One SQLite table as the privacy paperwork sees it. Each feature declares its own tables beside its migrations, and a
/// test fails when a table exists without a declaration, so the record of processing stays true.
/// SQL statements take <c>$person</c> (the Entra object id, lower case) and <c>$email</c> (the person's address or null);
/// an export statement returns one JSON text column per row.
/// </summary>
public sealed record StoredTable
{
    public required string Name { get; init; }
    public required IReadOnlyList<DataCategory> Holds { get; init; }
    public required RetentionTreatment Retention { get; init; }
    /// <summary>What the retention run executes; null for tables it keeps.</summary>
    public string? RetentionSql { get; init; }
    /// <summary>What erasing one person executes (Art. 17); null where the table cannot name them.</summary>
    public string? ErasureSql { get; init; }
    /// <summary>
    /// Retention and erasure of this table's named rows run through the results store port
    /// (<c>IResultsStore.DeleteNamedAnswersAsync</c>), one rule for the SharePoint list and the SQLite table alike;
    /// such a table carries no retention or erasure statement, so nothing is deleted twice.
    /// </summary>
    public bool DeletedByResultsStore { get; init; }
    /// <summary>One person's rows as JSON (Art. 15); null where the table cannot name them.</summary>
    public string? ExportSql { get; init; }
}
