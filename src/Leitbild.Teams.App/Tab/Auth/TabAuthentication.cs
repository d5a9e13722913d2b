using Leitbild.Teams.App.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;

namespace Leitbild.Teams.App.Tab.Auth;

/// <summary>
/// Bearer tokens for the tab's API. One policy scheme forwards by mode: Microsoft 365 mode validates Entra tokens
/// from TeamsJS <c>getAuthToken()</c> with Microsoft.Identity.Web; local mode validates the development sign-in's tokens.
/// Everything reads the settings lazily, when the first request arrives, so the mode is known by then.
/// </summary>
public static class TabAuthentication
{
    public const string Scheme = "Leitbild.Tab";
    public const string EntraScheme = "Leitbild.Tab.Entra";
    public const string DevScheme = "Leitbild.Tab.Dev";

    public static IServiceCollection AddTabAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<DevTokenIssuer>();

        // Registered before Microsoft.Identity.Web's own configuration, which keeps an audience and issuer validator
        // that are already set instead of its multi-tenant defaults.
        services.AddOptions<JwtBearerOptions>(EntraScheme).Configure<IOptions<LeitbildOptions>, TimeProvider>((jwt, leitbild, time) =>
        {
            var options = leitbild.Value;
            jwt.MapInboundClaims = false;
            jwt.TimeProvider = time;
            jwt.TokenValidationParameters.ValidAudiences = EntraTokenRules.Audiences(options);
            jwt.TokenValidationParameters.ValidIssuers = EntraTokenRules.Issuers(options);
            jwt.TokenValidationParameters.IssuerValidator = EntraTokenRules.ValidateIssuer;
            jwt.TokenValidationParameters.NameClaimType = TabRoles.NameClaim;
            jwt.TokenValidationParameters.RoleClaimType = TabRoles.RolesClaim;
            // Metadata over http only from a stand-in on this machine (the validator refuses http elsewhere).
            jwt.RequireHttpsMetadata = !new Uri(EntraTokenRules.Instance(options)).IsLoopback;
        });
        services.AddOptions<MicrosoftIdentityOptions>(EntraScheme).Configure<IOptions<LeitbildOptions>>((identity, leitbild) =>
        {
            var options = leitbild.Value;
            identity.Instance = EntraTokenRules.Instance(options);
            identity.TenantId = options.Microsoft365.TenantId;
            identity.ClientId = options.Microsoft365.ClientId;
        });

        services.AddOptions<JwtBearerOptions>(DevScheme).Configure<DevTokenIssuer, TimeProvider>((jwt, issuer, time) =>
        {
            jwt.MapInboundClaims = false;
            jwt.TimeProvider = time;
            jwt.TokenValidationParameters = issuer.ValidationParameters();
        });

        // After Microsoft.Identity.Web's configuration, so its own token checks run first.
        services.PostConfigure<JwtBearerOptions>(EntraScheme, EntraTokenChecks.AddTo);

        services.AddAuthentication()
            .AddPolicyScheme(Scheme, "Leitbild tab", policy => policy.ForwardDefaultSelector = context =>
                context.RequestServices.GetRequiredService<IOptions<LeitbildOptions>>().Value.Mode == AppMode.Local ? DevScheme : EntraScheme)
            .AddJwtBearer(DevScheme, _ => { })
            .AddMicrosoftIdentityWebApi(_ => { }, _ => { }, EntraScheme);

        services.AddAuthorizationBuilder()
            .AddPolicy(TabPolicies.Staff, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser())
            .AddPolicy(TabPolicies.Reviewer, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser()
                .RequireRole(TabRoles.Reviewer, TabRoles.Organizer))
            .AddPolicy(TabPolicies.Organizer, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser()
                .RequireRole(TabRoles.Organizer));
        return services;
    }
}
