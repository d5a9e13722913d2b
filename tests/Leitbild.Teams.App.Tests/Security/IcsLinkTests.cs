using System.Net;
using System.Security.Cryptography;
using System.Text;
using Leitbild.Teams.App.Scheduling;
using Leitbild.Teams.App.Scheduling.Bot;
using Leitbild.Teams.App.Storage;
using Leitbild.Teams.App.Tests.Scheduling;
using Leitbild.Teams.Core.Scheduling;
using Microsoft.AspNetCore.WebUtilities;

namespace Leitbild.Teams.App.Tests.Security;

/// <summary>
/// Probe: the chat card's signed .ics link opened for ever — a link forwarded or left in an old chat named the event
/// years later. Now it carries a signed expiry (the event's end plus 14 days by default): a changed expiry is refused
/// (403), an expired link answers 410 Gone, and links sent before expiries existed keep working until the same moment.
/// </summary>
public sealed class IcsLinkTests : IDisposable
{
    private readonly SchedulingApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<(CalendarEvent Event, string Path)> BookedEventAsync()
    {
        var start = _app.Time.GetUtcNow().AddDays(3);
        var created = await _app.Get<LocalCalendar>().CreateEventAsync(new NewCalendarEvent
        {
            OrganizerEmail = SchedulingApp.Seeded.ModeratorAEmail, Subject = "Interview", Start = start, End = start.AddHours(1),
            Attendees = [new("emil.exempel@bergkamen.example", "Emil Exempel", AttendeeKind.Required)], TransactionId = "t-ics",
        }, CancellationToken.None);
        return (created, await _app.Get<IcsLinks>().PathAsync(created.Id, created.End, CancellationToken.None));
    }

    private Task<HttpResponseMessage> GetAsync(string path) => _app.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

    [Fact]
    public async Task ALinkOpensUntilTwoWeeksAfterTheEventAndThenAnswersGone()
    {
        var (booked, path) = await BookedEventAsync();

        var before = await GetAsync(path);
        _app.Time.SetUtcNow(booked.End.AddDays(14).AddMinutes(-1));
        var lastMinute = await GetAsync(path);
        _app.Time.SetUtcNow(booked.End.AddDays(14));
        var after = await GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal("text/calendar", before.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, lastMinute.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, after.StatusCode);
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Dieser Kalender-Link ist abgelaufen.", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExpiryMovedIntoTheFutureIsATamperedLink()
    {
        var (booked, path) = await BookedEventAsync();
        _app.Time.SetUtcNow(booked.End.AddDays(30));
        var exp = QueryHelpers.ParseQuery(new Uri("http://x" + path).Query)["exp"].ToString();
        var extended = path.Replace($"exp={exp}", $"exp={long.Parse(exp, System.Globalization.CultureInfo.InvariantCulture) + 365 * 86400}", StringComparison.Ordinal);

        var response = await GetAsync(extended);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Dieser Kalender-Link ist ungültig.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?sig=")]
    [InlineData("?exp=99999999999&sig=forged")]
    [InlineData("?exp=-1&sig=forged")]
    public async Task AnUnsignedOrForgedLinkIsRefused(string query)
    {
        var (booked, _) = await BookedEventAsync();

        var response = await GetAsync($"/api/scheduling/ics/{Uri.EscapeDataString(booked.Id)}{query}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ALinkFromACardSentBeforeExpiriesOpensUntilTheSameMoment()
    {
        var (booked, _) = await BookedEventAsync();
        var key = await _app.Get<AppSecrets>().GetOrCreateAsync("scheduling.ics-link-key", CancellationToken.None);
        var legacy = $"/api/scheduling/ics/{Uri.EscapeDataString(booked.Id)}?sig={WebEncoders.Base64UrlEncode(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("ics:" + booked.Id)))}";

        var before = await GetAsync(legacy);
        _app.Time.SetUtcNow(booked.End.AddDays(14));
        var after = await GetAsync(legacy);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, after.StatusCode);
    }
}
