using System.Net.Mail;

namespace Leitbild.Teams.Core.Process;

/// <summary>The rules a template must keep beyond its JSON shape: unique ids, ordered dates, references that resolve.</summary>
internal static class TemplateRules
{
    public static void Check(LeitbildTemplate template)
    {
        CheckGoals(template.Goals);
        CheckOrganisation(template.Organisation);
        CheckProcess(template.Process, template.Goals, template.Organisation);
    }

    private static void CheckProcess(ProcessTemplate process, GoalCatalogue goals, Organisation organisation)
    {
        const string file = TemplateLoader.ProcessFile;
        NotBlank(file, "id", process.Id);
        NotBlank(file, "city", process.City);
        CheckText(file, "title", process.Title);
        if (organisation.FindOffice(process.LeadOfficeId) is null)
        {
            throw new TemplateValidationException(file, "leadOfficeId",
                new($"Amt '{process.LeadOfficeId}' gibt es nicht in {TemplateLoader.OrganisationFile}",
                    $"office '{process.LeadOfficeId}' does not exist in {TemplateLoader.OrganisationFile}"));
        }
        if (process.Phases.Count == 0)
        {
            throw new TemplateValidationException(file, "phases", new("mindestens ein Baustein ist nötig", "at least one phase is required"));
        }

        var unitIds = organisation.Divisions.Select(d => d.Id).Concat(organisation.Offices.Select(o => o.Id)).ToHashSet(StringComparer.Ordinal);
        var fieldIds = goals.FieldsOfAction.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var goalIds = goals.AllGoals.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        var phaseIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < process.Phases.Count; i++)
        {
            var phase = process.Phases[i];
            var at = $"phases[{i}]";
            NotBlank(file, $"{at}.id", phase.Id);
            Unique(file, $"{at}.id", phase.Id, phaseIds);
            CheckText(file, $"{at}.title", phase.Title);
            if (phase.PlannedEnd < phase.PlannedStart)
            {
                throw new TemplateValidationException(file, $"{at}.plannedEnd",
                    new($"Ende {phase.PlannedEnd:yyyy-MM-dd} liegt vor dem Beginn {phase.PlannedStart:yyyy-MM-dd}",
                        $"end {phase.PlannedEnd:yyyy-MM-dd} is before start {phase.PlannedStart:yyyy-MM-dd}"));
            }
            if (phase.ActualStart is { } start && phase.ActualEnd is { } end && end < start)
            {
                throw new TemplateValidationException(file, $"{at}.actualEnd",
                    new($"tatsächliches Ende {end:yyyy-MM-dd} liegt vor dem Beginn {start:yyyy-MM-dd}",
                        $"actual end {end:yyyy-MM-dd} is before actual start {start:yyyy-MM-dd}"));
            }
            References(file, $"{at}.participantGroups", phase.ParticipantGroups,
                id => unitIds.Contains(id) || ParticipantGroups.Audiences.Contains(id),
                "Organisationseinheit oder Zielgruppe", "org unit or audience");
            References(file, $"{at}.fieldsOfAction", phase.FieldsOfAction, fieldIds.Contains, "Handlungsfeld", "field of action");
            References(file, $"{at}.goals", phase.Goals, goalIds.Contains, "Ziel", "goal");
        }
    }

    private static void CheckGoals(GoalCatalogue goals)
    {
        const string file = TemplateLoader.GoalsFile;
        if (goals.FieldsOfAction.Count == 0)
        {
            throw new TemplateValidationException(file, "fieldsOfAction", new("mindestens ein Handlungsfeld ist nötig", "at least one field of action is required"));
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < goals.FieldsOfAction.Count; i++)
        {
            var field = goals.FieldsOfAction[i];
            var at = $"fieldsOfAction[{i}]";
            NotBlank(file, $"{at}.id", field.Id);
            Unique(file, $"{at}.id", field.Id, ids);
            CheckText(file, $"{at}.title", field.Title);
            for (var j = 0; j < field.Goals.Count; j++)
            {
                var goal = field.Goals[j];
                NotBlank(file, $"{at}.goals[{j}].id", goal.Id);
                Unique(file, $"{at}.goals[{j}].id", goal.Id, ids);
                CheckText(file, $"{at}.goals[{j}].text", goal.Text);
            }
        }
    }

    private static void CheckOrganisation(Organisation organisation)
    {
        const string file = TemplateLoader.OrganisationFile;
        var unitIds = new HashSet<string>(StringComparer.Ordinal);
        var departments = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var groups = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < organisation.Divisions.Count; i++)
        {
            var division = organisation.Divisions[i];
            NotBlank(file, $"divisions[{i}].id", division.Id);
            Unique(file, $"divisions[{i}].id", division.Id, unitIds);
            CheckText(file, $"divisions[{i}].name", division.Name);
            for (var j = 0; j < division.Offices.Count; j++)
            {
                var office = division.Offices[j];
                var at = $"divisions[{i}].offices[{j}]";
                NotBlank(file, $"{at}.id", office.Id);
                Unique(file, $"{at}.id", office.Id, unitIds);
                NotBlank(file, $"{at}.code", office.Code);
                CheckText(file, $"{at}.name", office.Name);
                CheckEntraRule(file, $"{at}.entra", office.Entra, departments, groups);
            }
        }

        var officeIds = organisation.Offices.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var personIds = new HashSet<string>(StringComparer.Ordinal);
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < organisation.People.Count; i++)
        {
            var person = organisation.People[i];
            var at = $"people[{i}]";
            if (!Guid.TryParse(person.Id, out _))
            {
                throw new TemplateValidationException(file, $"{at}.id",
                    new($"'{person.Id}' ist keine Objekt-ID (GUID)", $"'{person.Id}' is not an object id (GUID)"));
            }
            Unique(file, $"{at}.id", person.Id, personIds);
            NotBlank(file, $"{at}.displayName", person.DisplayName);
            if (!MailAddress.TryCreate(person.Email, out _))
            {
                throw new TemplateValidationException(file, $"{at}.email",
                    new($"'{person.Email}' ist keine E-Mail-Adresse", $"'{person.Email}' is not an email address"));
            }
            Unique(file, $"{at}.email", person.Email, emails);
            if (person.OfficeId is null && !person.IsGuest)
            {
                throw new TemplateValidationException(file, $"{at}.officeId",
                    new("nur Gäste dürfen ohne Amt sein", "only guests may have no office"));
            }
            if (person.OfficeId is not null && !officeIds.Contains(person.OfficeId))
            {
                throw new TemplateValidationException(file, $"{at}.officeId",
                    new($"Amt '{person.OfficeId}' gibt es nicht", $"office '{person.OfficeId}' does not exist"));
            }
            if (person.Roles.Count == 0)
            {
                throw new TemplateValidationException(file, $"{at}.roles", new("mindestens eine Rolle ist nötig", "at least one role is required"));
            }
            if (person.IsGuest && person.Has(Role.Reviewer))
            {
                throw new TemplateValidationException(file, $"{at}.roles",
                    new("Gäste dürfen keine Ergebnisse mit Personenbezug prüfen (Rolle reviewer)", "guests may not be reviewers"));
            }
            if (person.WorkingHours is { } hours)
            {
                if (hours.Days.Count == 0)
                {
                    throw new TemplateValidationException(file, $"{at}.workingHours.days", new("mindestens ein Arbeitstag ist nötig", "at least one working day is required"));
                }
                if (hours.End <= hours.Start)
                {
                    throw new TemplateValidationException(file, $"{at}.workingHours.end",
                        new($"Arbeitsende {hours.End} liegt nicht nach dem Beginn {hours.Start}", $"end {hours.End} is not after start {hours.Start}"));
                }
            }
        }
    }

    /// <summary>A department value or a group in two offices would place one person twice; Entra ids are GUIDs.</summary>
    private static void CheckEntraRule(string file, string field, EntraOfficeRule? rule, HashSet<string> departments, HashSet<string> groups)
    {
        if (rule is null)
        {
            return;
        }
        for (var k = 0; k < rule.Departments.Count; k++)
        {
            NotBlank(file, $"{field}.departments[{k}]", rule.Departments[k]);
            Unique(file, $"{field}.departments[{k}]", rule.Departments[k].Trim(), departments);
        }
        for (var k = 0; k < rule.Groups.Count; k++)
        {
            if (!Guid.TryParse(rule.Groups[k], out _))
            {
                throw new TemplateValidationException(file, $"{field}.groups[{k}]",
                    new($"'{rule.Groups[k]}' ist keine Objekt-ID (GUID)", $"'{rule.Groups[k]}' is not an object id (GUID)"));
            }
            Unique(file, $"{field}.groups[{k}]", rule.Groups[k], groups);
        }
    }

    private static void NotBlank(string file, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new TemplateValidationException(file, field, new("darf nicht leer sein", "must not be empty"));
        }
    }

    private static void CheckText(string file, string field, LocalizedText text)
    {
        NotBlank(file, $"{field}.de", text.De);
        NotBlank(file, $"{field}.en", text.En);
    }

    private static void Unique(string file, string field, string id, HashSet<string> seen)
    {
        if (!seen.Add(id))
        {
            throw new TemplateValidationException(file, field, new($"'{id}' kommt doppelt vor", $"'{id}' occurs twice"));
        }
    }

    private static void References(string file, string field, IReadOnlyList<string> ids, Func<string, bool> exists, string whatDe, string whatEn)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (!exists(ids[i]))
            {
                throw new TemplateValidationException(file, $"{field}[{i}]",
                    new($"{whatDe} '{ids[i]}' gibt es nicht", $"{whatEn} '{ids[i]}' does not exist"));
            }
        }
    }
}
