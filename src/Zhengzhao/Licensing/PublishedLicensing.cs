using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>A licensing event as others read it: the record they listen to after the fact (see <see cref="LicensingEvent"/>).</summary>
public sealed record PublishedLicensingEvent
{
    /// <summary>Time-ordered, so a reader that keeps the ids it has processed reads events in order.</summary>
    public required Guid Id { get; init; }

    /// <summary>One of the <see cref="LicensingEvent"/> type constants.</summary>
    public required string Type { get; init; }

    public required string PermitNumber { get; init; }

    public required string Uscc { get; init; }

    /// <summary>The permit (or the breach) as it stood after the change, as camelCase JSON.</summary>
    public required string Payload { get; init; }

    public required DateTime OccurredAt { get; init; }
}

/// <summary>An application as others may name it: whose it is, for which item, and which department decides it.</summary>
public sealed record PublishedApplication
{
    public required Guid Id { get; init; }

    public required string Uscc { get; init; }

    public required string ItemCode { get; init; }

    public required string DepartmentCode { get; init; }
}

/// <summary>
/// What Licensing lets other modules read: its events, its applications' identity, and a company's uploaded file
/// through a record that names it. The queries are projections built with object initializers, so a caller's join or
/// filter composes with them into one SQL statement (ADR 32).
/// </summary>
public static class PublishedLicensing
{
    public static IQueryable<PublishedLicensingEvent> PublishedLicensingEvents(this ZhengzhaoDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.LicensingEvents.AsNoTracking().Select(e => new PublishedLicensingEvent
        {
            Id = e.Id,
            Type = e.Type,
            PermitNumber = e.PermitNumber,
            Uscc = e.Uscc,
            Payload = e.Payload,
            OccurredAt = e.OccurredAt,
        });
    }

    public static IQueryable<PublishedApplication> PublishedApplications(this ZhengzhaoDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Applications.AsNoTracking().Select(a => new PublishedApplication { Id = a.Id, Uscc = a.Uscc, ItemCode = a.ItemCode, DepartmentCode = a.DepartmentCode });
    }

    /// <summary>
    /// A company's uploaded file, opened for a reader the caller has already let see the record that names the file
    /// (an application, a credit repair): an upload is never reached by its id alone.
    /// </summary>
    public static async Task<Result<OpenMaterial.Opened>> OpenNamedUploadAsync(this ZhengzhaoDbContext db, UploadStorageOptions storage, string uscc, IEnumerable<Guid> named, Guid uploadId, string notFound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var upload = named.Contains(uploadId) ? await db.MaterialUploads.AsNoTracking().FirstOrDefaultAsync(u => u.Id == uploadId && u.Uscc == uscc, cancellationToken) : null;
        return OpenMaterial.Open(storage, upload, notFound);
    }
}
