using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using Scalar.AspNetCore;
using Zhengzhao.Audit;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Coordination;
using Zhengzhao.Coordination.Webhooks;
using Zhengzhao.Credit;
using Zhengzhao.Deadlines;
using Zhengzhao.Licensing;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;
using Zhengzhao.Web.Api;

namespace Zhengzhao.Web.Hosting;

/// <summary>The composition of the host: what Program.cs calls, in the order requests meet it.</summary>
public static class ZhengzhaoHost
{
    public static readonly CultureInfo UiCulture = CultureInfo.GetCultureInfo("zh-CN");

    public static WebApplicationBuilder AddZhengzhao(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var settings = DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);

        // Outside Development the build's asset manifest (with the compressed variants) is only read when asked for;
        // a published app has no such manifest and this does nothing.
        builder.WebHost.UseStaticWebAssets();

        builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }
        else
        {
            // One JSON object a line, for the log collector.
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }

        services.AddSingleton(TimeProvider.System);
        services.AddZhengzhaoDatabase(settings);
        services.AddZhengzhaoUseCases().AddCreditPorts().AddDeadlineSources();
        services.AddSingleton<CalendarCache>();
        services.AddSingleton<DemoCredentials>();
        services.AddSingleton<ScopeCatalogue>();
        services.AddSingleton<PermitLinks>();
        services.AddZhengzhaoAudit(builder.Configuration, builder.Environment.ContentRootPath, builder.Environment.IsDevelopment());
        services.AddZhengzhaoWebhooks(builder.Configuration);
        services.AddZhengzhaoNotifications(builder.Configuration);
        if (builder.Configuration.GetValue("Licensing:Sweep", defaultValue: true))
        {
            services.AddHostedService<LicensingSweepService>();
            services.AddHostedService<UploadSweepService>();
        }

        if (builder.Configuration.GetValue("Registry:IndexNames", defaultValue: true))
        {
            services.AddHostedService<Registry.NameIndexService>();
        }

        if (builder.Configuration.GetValue("Credit:Collect", defaultValue: true))
        {
            services.AddHostedService<CreditCollectorService>();
        }

        if (builder.Configuration.GetValue("Identity:ForgetQuietAttempts", defaultValue: true))
        {
            services.AddHostedService<Identity.SignInAttemptCleanupService>();
        }

        // Uploaded materials live beside the database, outside the web root: nothing there is ever served as a static file.
        var uploads = builder.Configuration["Storage:Uploads"] is { Length: > 0 } configured ? configured : Path.Combine(builder.Environment.ContentRootPath, "data", "uploads");
        services.Configure<UploadStorageOptions>(o => o.Root = Path.GetFullPath(uploads, builder.Environment.ContentRootPath));
        services.AddSecureTransport(builder.Configuration, builder.Environment);
        services.AddZhengzhaoIdentity(builder.Configuration);
        services.AddZhengzhaoProblemDetails();

        // Enums by name in the API ("mode": "Commitment"), as the OpenAPI document and the filters spell them.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddHealthChecks().AddDbContextCheck<ZhengzhaoDbContext>("database", tags: ["ready"]);
        services.AddOpenApi(o =>
        {
            o.CreateSchemaReferenceId = SchemaNames.Of;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "证照分离改革服务平台 API";
                document.Info.Version = "v1";
                document.Info.Description = "Zhengzhao: the licence–permit separation platform. Errors are RFC 9457 problem details.";
                return Task.CompletedTask;
            });
        });
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddPublicRateLimit(builder.Configuration);

        // Chinese text goes into pages as characters, not as numeric entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(o => PageAccess.Configure(o.Conventions))
            .AddMvcOptions(o => o.Filters.Add<PasswordChangeGate>())
            .AddViewLocalization()
            .AddDataAnnotationsLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(UiCulture);
            o.SupportedCultures = [UiCulture];
            o.SupportedUICultures = [UiCulture];
        });
        return builder;
    }

    public static WebApplication UseZhengzhao(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // A missing or malformed audit key stops the start here rather than at the first change (ADR 28).
        _ = app.Services.GetRequiredService<AuditKeyRing>();
        _ = app.Services.GetRequiredService<AuditCheckpointKeys>();
        app.UseSecureTransport();

        // The API answers errors as problem details; people get a Chinese page.
        app.UseWhen(context => Problems.IsApi(context.Request), api => api.UseBearerChallenges().UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(context => !Problems.IsApi(context.Request), pages => pages.UseExceptionHandler("/Error").UseStatusCodePagesWithReExecute("/StatusCode/{0}"));
        app.UseSecurityHeaders();
        app.UseRequestLocalization();
        app.MapStaticAssets().AllowAnonymous();
        app.UseRouting();
        app.UseDeclaredBodySizeLimit();
        app.UseNulRefusal();
        app.UseAuthentication();
        app.UseOneTimePasswordGate();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api/docs", o => o
            .WithTitle("证照分离改革服务平台 API 文档")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()
            .AddHeadContent("<script src=\"/js/api-docs.js\"></script>")
            .WithNonce()).AllowAnonymous();

        var api = app.MapGroup("/api/v1");
        api.MapCalendarEndpoints();
        api.MapCatalogEndpoints();
        api.MapScopeEndpoints();
        api.MapRegistryEndpoints();
        api.MapLicensingEndpoints();
        api.MapVerificationEndpoints();
        api.MapMessageEndpoints();
        api.MapCreditEndpoints();
        api.MapCreditListEndpoints();
        api.MapPublicEndpoints();
        api.MapCoordinationEndpoints();
        api.MapPermitEndpoints();
        api.MapUsccEndpoints();
        api.MapIdentityEndpoints();
        api.MapAuditEndpoints();
        api.MapWebhookEndpoints();
        api.MapAppointmentEndpoints();
        api.MapDeadlineEndpoints();
        api.MapFallback((HttpContext context, UnmatchedApiRequests unmatched) => unmatched.Answer(context)).AllowAnonymous().ExcludeFromDescription();

        app.MapRazorPages().WithStaticAssets();

        // An unknown address is a 404 page for everyone, not a login prompt.
        app.MapFallback(() => Results.NotFound()).AllowAnonymous();
        return app;
    }
}
