using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Zhengzhao.Audit;

/// <summary>
/// The audit chain's keys, the checkpoint keys and folder, and the daily checkpoint (ADR 28). Outside Development a
/// missing key stops the start; in Development missing keys are made once, under the key folder, with a warning.
/// </summary>
public static partial class AuditRegistration
{
    public static IServiceCollection AddZhengzhaoAudit(this IServiceCollection services, IConfiguration configuration, string contentRoot, bool isDevelopment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(AuditOptions.Section).Get<AuditOptions>() ?? new AuditOptions();
        services.AddSingleton(options);
        services.AddSingleton(provider => LoadChainKeys(options, contentRoot, isDevelopment, Logger(provider)));
        services.AddSingleton(provider => LoadCheckpointKeys(options, contentRoot, isDevelopment, Logger(provider)));
        services.AddSingleton(new AuditCheckpointStore(Path.GetFullPath(options.CheckpointFolder, contentRoot)));
        if (options.DailyCheckpoint)
        {
            services.AddHostedService<AuditCheckpointService>();
        }

        return services;
    }

    private static ILogger Logger(IServiceProvider provider) => provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuditRegistration));

    internal static AuditKeyRing LoadChainKeys(AuditOptions options, string contentRoot, bool isDevelopment, ILogger logger)
    {
        var keys = options.ChainKeys.ToDictionary(k => k.Key, k => FromBase64(k.Value, $"Audit:ChainKeys:{k.Key}"), StringComparer.Ordinal);
        var folder = Path.GetFullPath(options.ChainKeyFolder, contentRoot);
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.key"))
            {
                keys.TryAdd(Path.GetFileNameWithoutExtension(file), FromBase64(File.ReadAllText(file).Trim(), file));
            }
        }

        if (keys.Count == 0)
        {
            if (!isDevelopment)
            {
                throw new InvalidOperationException("No audit chain key: set Audit:ChainKeys:<id> or put <id>.key in Audit:ChainKeyFolder (docs/operations.md).");
            }

            var id = "dev-" + DateTime.UtcNow.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            var key = RandomNumberGenerator.GetBytes(AuditKeyRing.MinKeyBytes);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, id + ".key"), Convert.ToBase64String(key));
            LogGenerated(logger, "chain key", folder);
            keys[id] = key;
        }

        return new AuditKeyRing(keys, options.CurrentChainKeyId ?? keys.Keys.Max(StringComparer.Ordinal)!);
    }

    internal static AuditCheckpointKeys LoadCheckpointKeys(AuditOptions options, string contentRoot, bool isDevelopment, ILogger logger)
    {
        var publicPem = Pem(options.CheckpointPublicKey, options.CheckpointPublicKeyFile, contentRoot);
        var privatePem = Pem(options.CheckpointSigningKey, options.CheckpointSigningKeyFile, contentRoot);
        if (publicPem is null && privatePem is null && isDevelopment)
        {
            var folder = Path.GetFullPath(options.ChainKeyFolder, contentRoot);
            var privateFile = Path.Combine(folder, "checkpoint-signing.pem");
            var publicFile = Path.Combine(folder, "checkpoint-public.pem");
            if (!File.Exists(privateFile))
            {
                using var made = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                Directory.CreateDirectory(folder);
                File.WriteAllText(privateFile, made.ExportPkcs8PrivateKeyPem());
                File.WriteAllText(publicFile, made.ExportSubjectPublicKeyInfoPem());
                LogGenerated(logger, "checkpoint key pair", folder);
            }

            (privatePem, publicPem) = (File.ReadAllText(privateFile), File.ReadAllText(publicFile));
        }

        if (publicPem is null)
        {
            throw new InvalidOperationException("No audit checkpoint public key: set Audit:CheckpointPublicKey or Audit:CheckpointPublicKeyFile (docs/operations.md).");
        }

        var verifier = ECDsa.Create();
        verifier.ImportFromPem(publicPem);
        ECDsa? signer = null;
        if (privatePem is not null)
        {
            signer = ECDsa.Create();
            signer.ImportFromPem(privatePem);
            if (AuditCheckpoints.KeyIdOf(signer) != AuditCheckpoints.KeyIdOf(verifier))
            {
                throw new InvalidOperationException("Audit:CheckpointSigningKey is not the private half of Audit:CheckpointPublicKey.");
            }
        }

        return new AuditCheckpointKeys(verifier, signer);
    }

    private static string? Pem(string? inline, string? file, string contentRoot) =>
        !string.IsNullOrWhiteSpace(inline) ? inline
        : !string.IsNullOrWhiteSpace(file) ? File.ReadAllText(Path.GetFullPath(file, contentRoot))
        : null;

    private static byte[] FromBase64(string value, string source)
    {
        try
        {
            return Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"Audit chain key {source} is not base64.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development: made an audit {What} under {Folder}. Outside Development it must be configured (docs/operations.md).")]
    private static partial void LogGenerated(ILogger logger, string what, string folder);
}
