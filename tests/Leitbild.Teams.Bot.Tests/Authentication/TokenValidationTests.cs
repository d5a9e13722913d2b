using Leitbild.Teams.IdentitySimulator;
using System.Text;
using Leitbild.Teams.Bot.Authentication;
using Leitbild.Teams.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Leitbild.Teams.Bot.Tests.Authentication;

public sealed class TokenValidationTests : IAsyncLifetime
{
    private const string AppId = "5e9f6c1a-0c2d-4f1e-9b7a-1d2c3b4a5f60";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    // RSA key generation is slow; the keys are made once for all tests of the class.
    private static readonly TestSigningKey TeamsKey = LocalOpenIdEndpoint.NewKey("teams-key", "msteams", "skype");
    private static readonly TestSigningKey OtherChannelKey = LocalOpenIdEndpoint.NewKey("webchat-key", "webchat");
    private static readonly TestSigningKey UnpublishedKey = LocalOpenIdEndpoint.NewKey("unknown-key", "msteams");
    private static readonly TestSigningKey RolledOverKey = LocalOpenIdEndpoint.NewKey("next-key", "msteams");
    private readonly TestSigningKey _teamsKey = TeamsKey;
    private readonly TestSigningKey _otherChannelKey = OtherChannelKey;
    private readonly TestSigningKey _unpublishedKey = UnpublishedKey;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private LocalOpenIdEndpoint _endpoint = null!;
    private BotTokenValidator _validator = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _endpoint = await LocalOpenIdEndpoint.StartAsync(_teamsKey, _otherChannelKey);
        var options = new BotAuthenticationOptions { AppId = AppId, OpenIdMetadataUrl = _endpoint.MetadataUrl };
        var keys = new EndorsedSigningKeys(_http, options, _time, NullLogger<EndorsedSigningKeys>.Instance);
        _validator = new BotTokenValidator(keys, options, _time);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _endpoint.DisposeAsync();
    }

    private static Activity Activity(string serviceUrl = ServiceUrl, string channelId = "msteams") =>
        new() { Type = "message", ChannelId = channelId, ServiceUrl = serviceUrl, Text = "hilfe" };

    private string Token(
        TestSigningKey? key = null,
        string issuer = BotAuthenticationOptions.BotFrameworkIssuer,
        string audience = AppId,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? expires = null,
        string? serviceUrl = ServiceUrl,
        string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var now = _time.GetUtcNow();
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (notBefore ?? now.AddMinutes(-1)).UtcDateTime,
            NotBefore = (notBefore ?? now.AddMinutes(-1)).UtcDateTime,
            Expires = (expires ?? now.AddHours(1)).UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials((key ?? _teamsKey).SecurityKey, algorithm),
        });
    }

    private Task<AuthenticationOutcome> Validate(string? token, Activity? activity = null) =>
        _validator.ValidateAsync(token is null ? null : "Bearer " + token, activity ?? Activity(), CancellationToken.None);

    [Fact]
    public async Task AValidBotFrameworkTokenPasses()
    {
        var outcome = await Validate(Token());

        Assert.True(outcome.Allowed, outcome.Reason);
    }

    [Fact]
    public async Task TheServiceUrlIsComparedWithoutCase()
    {
        var outcome = await Validate(Token(serviceUrl: ServiceUrl.ToUpperInvariant()));

        Assert.True(outcome.Allowed, outcome.Reason);
    }

    [Fact]
    public async Task ARequestWithoutTokenIsUnauthorized()
    {
        var outcome = await _validator.ValidateAsync(null, Activity(), CancellationToken.None);

        Assert.Equal(401, outcome.Status);
    }

    [Fact]
    public async Task ATokenFromAnotherIssuerIsUnauthorized() =>
        Assert.Equal(401, (await Validate(Token(issuer: "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/"))).Status);

    [Fact]
    public async Task ATokenForAnotherBotIsUnauthorized() =>
        Assert.Equal(401, (await Validate(Token(audience: "00000000-1111-2222-3333-444444444444"))).Status);

    [Fact]
    public async Task AnExpiredTokenIsUnauthorized()
    {
        var now = _time.GetUtcNow();
        // Expired ten minutes ago: beyond the five minutes of clock skew.
        Assert.Equal(401, (await Validate(Token(notBefore: now.AddHours(-2), expires: now.AddMinutes(-10)))).Status);
    }

    [Fact]
    public async Task ATokenExpiredWithinTheClockSkewStillPasses()
    {
        var now = _time.GetUtcNow();
        Assert.True((await Validate(Token(notBefore: now.AddHours(-1), expires: now.AddMinutes(-3)))).Allowed);
    }

    [Fact]
    public async Task ATokenNotYetValidIsUnauthorized()
    {
        var now = _time.GetUtcNow();
        Assert.Equal(401, (await Validate(Token(notBefore: now.AddMinutes(10), expires: now.AddHours(1)))).Status);
    }

    [Fact]
    public async Task ATokenSignedWithAnUnpublishedKeyIsUnauthorized()
    {
        var outcome = await Validate(Token(key: _unpublishedKey));

        Assert.Equal(401, outcome.Status);
        // The unknown kid made the validator look for rolled-over keys once.
        Assert.Equal(2, _endpoint.KeyRequests);
    }

    [Fact]
    public async Task AKeyNotEndorsedForTeamsIsForbidden()
    {
        var outcome = await Validate(Token(key: _otherChannelKey));

        Assert.Equal(403, outcome.Status);
    }

    [Fact]
    public async Task AServiceUrlClaimThatDoesNotMatchTheActivityIsForbidden()
    {
        var outcome = await Validate(Token(serviceUrl: "https://evil.example.com/"));

        Assert.Equal(403, outcome.Status);
    }

    [Fact]
    public async Task ATokenWithoutServiceUrlClaimIsForbidden() =>
        Assert.Equal(403, (await Validate(Token(serviceUrl: null))).Status);

    [Fact]
    public async Task AnUnsignedTokenWithAlgNoneIsUnauthorized()
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        static string B64(string s) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(s));
        var token = $"{B64("""{"alg":"none","typ":"JWT","kid":"teams-key"}""")}.{B64($$"""{"iss":"https://api.botframework.com","aud":"{{AppId}}","nbf":{{now - 60}},"exp":{{now + 3600}},"serviceurl":"{{ServiceUrl}}"}""")}.";

        Assert.Equal(401, (await Validate(token)).Status);
    }

    [Fact]
    public async Task AnHs256TokenIsUnauthorizedEvenWithAKnownKid()
    {
        // Key confusion: HMAC "signed" with the RSA public modulus under the published kid.
        var secret = new SymmetricSecurityKey(_teamsKey.Rsa.ExportParameters(false).Modulus!) { KeyId = _teamsKey.Kid };
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = BotAuthenticationOptions.BotFrameworkIssuer,
            Audience = AppId,
            Expires = _time.GetUtcNow().AddHours(1).UtcDateTime,
            NotBefore = _time.GetUtcNow().AddMinutes(-1).UtcDateTime,
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
            SigningCredentials = new SigningCredentials(secret, SecurityAlgorithms.HmacSha256),
        });

        Assert.Equal(401, (await Validate(token)).Status);
    }

    [Fact]
    public async Task ATamperedPayloadFailsTheSignatureCheck()
    {
        var parts = Token().Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace(ServiceUrl, "https://evil.example.com/", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";

        var outcome = await Validate(tampered, Activity(serviceUrl: "https://evil.example.com/"));

        Assert.Equal(401, outcome.Status);
    }

    [Fact]
    public async Task SigningKeysAreCachedAndFetchedAgainAfterADay()
    {
        await Validate(Token());
        await Validate(Token());
        Assert.Equal(1, _endpoint.KeyRequests);

        _time.Advance(TimeSpan.FromHours(25));
        Assert.True((await Validate(Token())).Allowed);

        Assert.Equal(2, _endpoint.KeyRequests);
    }

    [Fact]
    public async Task AnUnknownKidDoesNotRefetchKeysMoreThanOnceInFiveMinutes()
    {
        await Validate(Token(key: _unpublishedKey));
        await Validate(Token(key: _unpublishedKey));
        await Validate(Token(key: _unpublishedKey));

        Assert.Equal(2, _endpoint.KeyRequests);
    }

    [Fact]
    public async Task AKeyPublishedAfterTheFirstFetchIsPickedUpWhenATokenUsesIt()
    {
        await Validate(Token());
        _endpoint.PublishedKeys.Add(RolledOverKey);

        Assert.True((await Validate(Token(key: RolledOverKey))).Allowed);
    }

    [Fact]
    public async Task WhenTheMetadataListsNoRsAlgorithmTheAllowListStillRefusesOtherAlgorithms()
    {
        // PS256 verifies with the same RSA key; an empty allow-list would let it (and anything else) through.
        _endpoint.Algorithms = [SecurityAlgorithms.RsaSsaPssSha256];

        var outcome = await Validate(Token(algorithm: SecurityAlgorithms.RsaSsaPssSha256));

        Assert.Equal(401, outcome.Status);
    }

    [Fact]
    public async Task WhenTheMetadataListsNoRsAlgorithmAnRs256TokenStillPasses()
    {
        _endpoint.Algorithms = [SecurityAlgorithms.RsaSsaPssSha256];

        Assert.True((await Validate(Token())).Allowed);
    }

    [Fact]
    public async Task AnActivityFromAnotherChannelIsForbiddenEvenWithAKeyEndorsedForThatChannel()
    {
        var outcome = await Validate(Token(key: _otherChannelKey), Activity(channelId: "webchat"));

        Assert.Equal(403, outcome.Status);
    }
}
