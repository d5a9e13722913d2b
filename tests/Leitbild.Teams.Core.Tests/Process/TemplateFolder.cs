using System.Text.Json.Nodes;
using Leitbild.Teams.Core.Process;

namespace Leitbild.Teams.Core.Tests.Process;

/// <summary>The shipped Bergkamen template in memory, so a test can break one field and load it.</summary>
internal sealed class TemplateFolder
{
    private readonly Dictionary<string, string?> _files;

    private TemplateFolder(Dictionary<string, string?> files) => _files = files;

    public static TemplateFolder Bergkamen()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Seed", "bergkamen");
        return new TemplateFolder(new[] { TemplateLoader.ProcessFile, TemplateLoader.GoalsFile, TemplateLoader.OrganisationFile }
            .ToDictionary(f => f, f => (string?)File.ReadAllText(Path.Combine(root, f))));
    }

    public TemplateFolder Edit(string file, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(_files[file]!)!;
        edit(node);
        _files[file] = node.ToJsonString();
        return this;
    }

    public TemplateFolder Replace(string file, string? text)
    {
        _files[file] = text;
        return this;
    }

    public LeitbildTemplate Load() => TemplateLoader.Load(name => _files.GetValueOrDefault(name));

    public TemplateValidationException LoadFails() => Assert.Throws<TemplateValidationException>(Load);
}
