using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Persistence;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Registry;

/// <summary>
/// The demo data set's register: a few thousand synthetic companies made by bench/Zhengzhao.DataGenerator (seed
/// 2018), shipped gzip-compressed and imported through the same use case as a registrar's file, once.
/// </summary>
public static class DemoCompanies
{
    public const string FileName = "demo-companies.csv";

    public static async Task<Result<ImportCompanies.Outcome>?> SeedAsync(ImportCompanies import, ZhengzhaoDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(import);
        ArgumentNullException.ThrowIfNull(db);
        if (await db.ImportRuns.AnyAsync(r => r.FileName == FileName && r.UserName == Actor.System.UserName, cancellationToken))
        {
            return null;
        }

        // The import reads the file twice; the compressed resource is unpacked once into memory (about 1 MB).
        using var file = new MemoryStream();
        await using (var packed = new System.IO.Compression.GZipStream(EmbeddedFiles.Open(FileName + ".gz"), System.IO.Compression.CompressionMode.Decompress))
        {
            await packed.CopyToAsync(file, cancellationToken);
        }

        file.Position = 0;
        return await import.HandleAsync(new(file, FileName, Actor.System), cancellationToken);
    }
}
