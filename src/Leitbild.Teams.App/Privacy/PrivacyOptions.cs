using Leitbild.Teams.App.Localization;
using Leitbild.Teams.Core.Privacy;
using Microsoft.Extensions.Options;

namespace Leitbild.Teams.App.Privacy;

/// <summary>Configuration section <c>Leitbild:Privacy</c>: retention and the contacts the paperwork names.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Leitbild:Privacy";

    /// <summary>Days after the process has ended until personal data is deleted (30–3650).</summary>
    public int RetentionDays { get; set; } = 180;

    /// <summary>Hours between two checks of the retention worker (1–168); the first runs shortly after start.</summary>
    public int RetentionCheckHours { get; set; } = 24;

    /// <summary>The controller (Verantwortlicher) with address; default: Leitbild:OrganisationName.</summary>
    public string? Controller { get; set; }

    /// <summary>How to reach the data protection officer (e-mail, phone or address).</summary>
    public string? DataProtectionOfficer { get; set; }

    /// <summary>Where people report barriers in the tab (e-mail or phone), for the accessibility statement.</summary>
    public string? AccessibilityContact { get; set; }

    /// <summary>The day the tab's accessibility was last assessed, for the accessibility statement (BITV 2.0 § 7).</summary>
    public DateOnly? AccessibilityReviewedOn { get; set; }

    /// <summary>The enforcement body people may turn to; default: the one for public bodies in North Rhine-Westphalia.</summary>
    public string? AccessibilityEnforcementBody { get; set; }
}

/// <summary>Every wrong privacy setting named at once, in both languages (the log has no reader's language).</summary>
public sealed class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>
{
    public ValidateOptionsResult Validate(string? name, PrivacyOptions options)
    {
        var failures = new List<string>();
        if (options.RetentionDays is < RetentionSchedule.MinimumDays or > RetentionSchedule.MaximumDays)
        {
            failures.Add(Both("privacy.options.retentionDays", RetentionSchedule.MinimumDays, RetentionSchedule.MaximumDays, options.RetentionDays));
        }
        if (options.RetentionCheckHours is < 1 or > 168)
        {
            failures.Add(Both("privacy.options.retentionCheckHours", options.RetentionCheckHours));
        }
        foreach (var (field, value) in new[] { ("Controller", options.Controller), ("DataProtectionOfficer", options.DataProtectionOfficer), ("AccessibilityContact", options.AccessibilityContact), ("AccessibilityEnforcementBody", options.AccessibilityEnforcementBody) })
        {
            if (value is not null && (value.Length > 500 || value.Any(char.IsControl)))
            {
                failures.Add(Both("privacy.options.text", field));
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Both(string key, params object[] args) => $"{Texts.Format(key, "de", args)} / {Texts.Format(key, "en", args)}";
}
