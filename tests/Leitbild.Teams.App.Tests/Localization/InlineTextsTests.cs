using System.Text.RegularExpressions;
using Leitbild.Teams.App.Localization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Leitbild.Teams.App.Tests.Localization;

/// <summary>
/// Every sentence a person reads lives in texts-de.json / texts-en.json, where a translator sees it. These tests read
/// every C# file under src/ as a syntax tree and look at each string literal: German words, or an English sentence, are
/// only allowed where no person reads them (log templates, exceptions that mark a programming error).
/// </summary>
public sealed partial class InlineTextsTests
{
    /// <summary>
    /// Files that still held inline texts when this check was written (issue "House in order"); the list may only shrink:
    /// a file not on it fails at its first inline sentence, and a file on it that has become clean must leave it.
    /// </summary>
    private static readonly string DebtFile = Path.Combine(RepositoryRoot(), "tests", "Leitbild.Teams.App.Tests", "Localization", "inline-texts-debt.txt");

    [Fact]
    public void NoSentenceAPersonReadsIsWrittenInlineInSource()
    {
        var debt = File.ReadAllLines(DebtFile).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
        var found = SourceFiles().SelectMany(InlineSentences).ToList();
        var fresh = found.Where(f => !debt.Contains(f[..f.IndexOf(':', StringComparison.Ordinal)])).ToList();
        Assert.True(fresh.Count == 0, "Inline texts (move them to Localization/texts-*.json):\n" + string.Join("\n", fresh));
        var cleaned = debt.Where(file => !found.Any(f => f.StartsWith(file + ":", StringComparison.Ordinal))).ToList();
        Assert.True(cleaned.Count == 0, "Clean now, remove from inline-texts-debt.txt:\n" + string.Join("\n", cleaned));
    }

    [Fact]
    public void EveryTextKeyTheCodeNamesExists()
    {
        var known = Texts.GermanKeys.ToHashSet(StringComparer.Ordinal);
        var missing = SourceFiles()
            .SelectMany(f => TextKeysNamed(f).Select(k => (File: f.FilePath, Key: k)))
            .Where(x => !known.Contains(x.Key))
            .Select(x => $"{Relative(x.File)}: {x.Key}")
            .ToList();
        Assert.True(missing.Count == 0, "Text keys named in code but missing in texts-de.json:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void TheCheckFindsAGermanSentenceAndAnEnglishOneButNotALogTemplate()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            class C
            {
                void M(ILogger logger)
                {
                    var a = "Die Frist liegt in der Vergangenheit.";
                    var b = "The deadline is in the past.";
                    logger.LogInformation("Poll {PollId} closed because the deadline passed.", 1);
                    throw new InvalidOperationException("A change with problems cannot be applied.");
                }
            }
            """, path: "sample.cs");
        var found = InlineSentences(tree).ToList();
        Assert.Equal(2, found.Count);
        Assert.Contains(found, f => f.Contains("Die Frist", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains("The deadline", StringComparison.Ordinal));
    }

    private static IEnumerable<SyntaxTree> SourceFiles()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        return Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f));
    }

    private static IEnumerable<string> InlineSentences(SyntaxTree tree)
    {
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            var text = node switch
            {
                LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) && literal.Parent is not InterpolationSyntax => literal.Token.ValueText,
                InterpolatedStringExpressionSyntax interpolated => string.Concat(interpolated.Contents.Select(c => c is InterpolatedStringTextSyntax t ? t.TextToken.ValueText : "{}")),
                _ => null,
            };
            if (text is null || node.Ancestors().OfType<InterpolatedStringExpressionSyntax>().Any() && node is LiteralExpressionSyntax)
            {
                continue;
            }
            // German is never for developers; an English sentence is, in a log template or a programming-error exception.
            if (IsGerman(text) || (IsEnglishSentence(text) && !IsForDevelopers(node)))
            {
                var line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                yield return $"{Relative(tree.FilePath)}:{line}: {Shorten(text)}";
            }
        }
    }

    /// <summary>Keys passed as literals to Texts.Get / Texts.Format, and to the problem factories (field, key, …).</summary>
    private static IEnumerable<string> TextKeysNamed(SyntaxTree tree)
    {
        foreach (var invocation in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax member)
            {
                continue;
            }
            var owner = member.Expression.ToString();
            var name = member.Name.Identifier.ValueText;
            var arguments = invocation.ArgumentList.Arguments;
            var keyIndex = (owner, name) switch
            {
                ("Texts", "Get" or "Format") => 0,
                ("ProblemException", "Invalid" or "NotFound" or "Conflict" or "Forbidden" or "Unavailable") when arguments.Count >= 2 => 1,
                ("Problem", "Of") => 1,
                _ => -1,
            };
            if (keyIndex >= 0 && keyIndex < arguments.Count
                && arguments[keyIndex].Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                yield return literal.Token.ValueText;
            }
        }
    }

    private static bool IsGerman(string text) => GermanLetters().IsMatch(text) || GermanWords().IsMatch(text);

    private static bool IsEnglishSentence(string text) => EnglishSentence().IsMatch(text.Trim());

    /// <summary>Log templates, exceptions that mark a programming error, and attributes are read by developers only.</summary>
    private static bool IsForDevelopers(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case InvocationExpressionSyntax invocation when MethodName(invocation) is { } method
                    && (method.StartsWith("Log", StringComparison.Ordinal) || method is "WriteLine" && invocation.ToString().StartsWith("Debug.", StringComparison.Ordinal)):
                    return true;
                case ObjectCreationExpressionSyntax creation when DeveloperExceptions.Contains(creation.Type.ToString()):
                    return true;
                case AttributeSyntax:
                    return true;
                // An exception type's own message, passed to its base in a primary constructor.
                case PrimaryConstructorBaseTypeSyntax when node.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault() is { } type
                    && DeveloperExceptions.Contains(type.Identifier.ValueText):
                    return true;
                case StatementSyntax or MemberDeclarationSyntax:
                    return false;
            }
        }
        return false;
    }

    /// <summary>The framework's exceptions for a broken invariant or a wrong argument; people never read them.</summary>
    private static readonly HashSet<string> DeveloperExceptions = new(StringComparer.Ordinal)
    {
        "InvalidOperationException", "ArgumentException", "ArgumentNullException", "ArgumentOutOfRangeException",
        "InvalidDataException", "NotSupportedException", "KeyNotFoundException", "FormatException", "TimeoutException",
        "UnreachableException", "System.Diagnostics.UnreachableException",
        // The bot protocol's own failures: they go to Teams or into the logs, never to a person.
        "InvokeResponseException", "ConnectorException", "RecipientUnreachableException", "SecurityTokenValidationException",
        "SigningKeysUnavailableException",
        // A configuration fault for the admin, in the logs.
        "AppNotInCatalogException",
    };

    private static string? MethodName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => null,
    };

    private static string Shorten(string text) => text.Length <= 90 ? text : text[..90] + "…";

    private static string Relative(string path) => Path.GetRelativePath(RepositoryRoot(), path);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Leitbild.Teams.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Leitbild.Teams.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("[äöüÄÖÜß„“]")]
    private static partial Regex GermanLetters();

    [GeneratedRegex(@"\b(der|die|das|und|nicht|ist|sind|bitte|keine?|fehlt|Sie|wird|wurde|gibt|für|mit|oder)\b")]
    private static partial Regex GermanWords();

    /// <summary>A capitalised word, at least two more words, and a sentence's end.</summary>
    [GeneratedRegex(@"^[A-Z][a-z']+(\s+[\p{L}\p{N}'’,;:()\-{}/]+){2,}[.!?]$")]
    private static partial Regex EnglishSentence();
}
