using System.Text.RegularExpressions;
using Leitbild.Teams.Deployment.Tests.Support;

namespace Leitbild.Teams.Deployment.Tests.Infra;

/// <summary>docs/deploy.md (German) and docs/deploy.en.md (English) stay in step with the template and each other.</summary>
public sealed partial class DeployGuideTests
{
    private static readonly string German = File.ReadAllText(Repository.PathOf("docs", "deploy.md"));
    private static readonly string English = File.ReadAllText(Repository.PathOf("docs", "deploy.en.md"));

    [Fact]
    public async Task EveryLeitbildSettingOfTheTemplateIsExplainedInBothGuides()
    {
        var run = await Bicep.RunAsync("build", "main.bicep", "--stdout");
        Assert.Equal(0, run.ExitCode);
        var settings = SettingName().Matches(run.StandardOutput).Select(m => m.Value).Distinct().ToList();

        Assert.NotEmpty(settings);
        Assert.All(settings, s => Assert.Contains($"`{s}`", German, StringComparison.Ordinal));
        Assert.All(settings, s => Assert.Contains($"`{s}`", English, StringComparison.Ordinal));
    }

    [Fact]
    public void BothGuidesHaveTheSameSectionsAndChecklistItems()
    {
        Assert.Equal(Headings(German).Count, Headings(English).Count);
        Assert.Equal(CheckboxCount(German), CheckboxCount(English));
        Assert.True(CheckboxCount(German) >= 15, "the checklist is missing or short");
    }

    [Theory]
    [InlineData("package-manifest --app-id <app-id> --domain <host>")]
    [InlineData("provision-sharepoint --site")]
    [InlineData("az deployment group create")]
    [InlineData("New-ManagementScope")]
    [InlineData("New-ManagementRoleAssignment")]
    [InlineData("POST https://graph.microsoft.com/v1.0/sites/<site-id>/permissions")]
    [InlineData("access_as_user")]
    [InlineData("Leitbild.Organizer")]
    [InlineData("Leitbild.Reviewer")]
    [InlineData("TeamsAppInstallation.ReadWriteSelfForUser.All")]
    [InlineData("Application.Read.All")]
    [InlineData("User.Read.All")]
    [InlineData("GroupMember.Read.All")]
    [InlineData("AppCatalog.Read.All")]
    [InlineData("\"directory\": { \"people\"")]
    [InlineData("\"departments\": [")]
    [InlineData("1fec8e78-bce4-4aaf-ab1b-5451cc387264")]
    [InlineData("5e3ce6c0-2b1f-4285-8d4b-75ee78787346")]
    public void BothGuidesCoverTheStep(string text)
    {
        Assert.Contains(text, German, StringComparison.Ordinal);
        Assert.Contains(text, English, StringComparison.Ordinal);
    }

    private static List<string> Headings(string markdown) =>
        [.. markdown.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal))];

    private static int CheckboxCount(string markdown) =>
        markdown.Split('\n').Count(l => l.TrimStart().StartsWith("- [ ]", StringComparison.Ordinal));

    [GeneratedRegex(@"Leitbild__[A-Za-z0-9_]+")]
    private static partial Regex SettingName();
}
