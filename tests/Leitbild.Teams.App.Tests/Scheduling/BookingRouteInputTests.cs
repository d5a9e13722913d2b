using System.Net;
using System.Net.Http.Json;
using Leitbild.Teams.App.Tests.Fixtures;

namespace Leitbild.Teams.App.Tests.Scheduling;

/// <summary>The organizer's booking route with a body that names no proposal: a 400 that names the field, not a 500.</summary>
public sealed class BookingRouteInputTests
{
    [Theory]
    [InlineData("{}")]
    [InlineData("{\"proposalId\":\"  \"}")]
    public async Task ABookingWithoutAProposalIsABadRequestNamingTheField(string body)
    {
        await using var app = new LocalAppFactory();
        var client = app.CreateClient();
        await client.SignInAsync(DevSignIn.Organizer);

        var response = await client.PostAsync("/api/scheduling/interviews/i-1/book", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("proposalId", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
