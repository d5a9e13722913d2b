using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Leitbild.Teams.Core.Scheduling.Interviews;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Leitbild.Teams.Report.Tests.Support;

/// <summary>The whole app in local mode on its own SQLite file, with one booked interview (Emil interviews Bernd).</summary>
public sealed class EvaluationApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Emil Exempel, StA 61: organizer (and the interviewer here).</summary>
    public const string Organizer = "0374d0fd-4d54-5dd6-9642-c253379975a1";
    /// <summary>Anna Musterfrau: reviewer.</summary>
    public const string Reviewer = "b419bdba-9fac-59f2-94ae-477b23679514";
    /// <summary>Bernd Fiktiva: staff (the interviewee here).</summary>
    public const string Staff = "92a6ccf0-4e28-5be1-a380-5a2d2aad61d8";
    /// <summary>Moderation Erfundenhaus: a guest organizer, not an interviewer of this interview.</summary>
    public const string GuestOrganizer = "5fc7a9bd-383f-5151-97f7-6746dba5e07b";

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"leitbild-report-test-{Guid.NewGuid():N}.db");

    public HttpClient Client { get; private set; } = null!;

    public string InterviewId { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Leitbild:DatabasePath", _database);
        builder.UseSetting("Leitbild:Mode", "Local");
    }

    public async Task InitializeAsync()
    {
        Client = CreateClient();
        var campaigns = Services.GetRequiredService<InterviewCampaignService>();
        var now = DateTimeOffset.UtcNow;
        var overview = await campaigns.StartCampaignAsync(new InterviewCampaignRequest
        {
            Title = "Interviews Test",
            OrganizerId = Organizer,
            InterviewerIds = [Organizer],
            Interviewees = [Staff],
            Duration = TimeSpan.FromHours(1),
            WindowStart = now.AddDays(1),
            WindowEnd = now.AddDays(21),
        }, CancellationToken.None);
        var interview = overview.Interviews.Single();
        var booked = await campaigns.BookAsync(interview.Proposals[0].Id, Staff, CancellationToken.None);
        Assert.Equal(BookingOutcome.Booked, booked.Outcome);
        InterviewId = interview.Interview.Id;
    }

    public async Task<string> TokenAsync(string personId)
    {
        var response = await Client.PostAsJsonAsync("/api/tab/dev-signin", new { personId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string personId, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(personId));
        request.Headers.AcceptLanguage.ParseAdd("de");
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        return await Client.SendAsync(request);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        Client.Dispose();
        await DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }
    }
}
