using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Licensing;

/// <summary>Where uploaded materials are kept: a folder outside the web root.</summary>
public sealed class UploadStorageOptions
{
    public string Root { get; set; } = string.Empty;
}

/// <summary>
/// An upload of a file in a company's name, by the company, by a window clerk of its region on its behalf, or by
/// department staff for a matter of their department (<see cref="CompanyScope.MayUploadForAsync"/>): checked by
/// content, hashed while it is copied, stored under its SHA-256 so the same file is kept once, and recorded for the
/// company under the name it was given, cleaned (<see cref="FileNames.Clean"/>) and never used as a path.
/// </summary>
public sealed class UploadMaterial(ZhengzhaoDbContext db, IOptions<UploadStorageOptions> storage, TimeProvider time) : IUseCase
{
    public sealed record Command(string Uscc, string FileName, string? ContentType, long Length, Stream Content, FindApplications.Reader By, Actor Actor);

    public async Task<Result<MaterialUpload>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);

        // A code that is not one is told what is wrong with it, as at filing, before anyone's scope is looked up.
        var check = Uscc.Check(command.Uscc);
        if (check.Code is not { } code)
        {
            return LicensingRefusals.InvalidUscc(check.Reason!);
        }

        var uscc = code.Value;
        if (!await CompanyScope.MayUploadForAsync(db, uscc, command.By, cancellationToken))
        {
            return LicensingRefusals.CompanyOutOfScope;
        }

        var head = new byte[8];
        var read = await command.Content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        var name = FileNames.Clean(command.FileName);
        if (MaterialFileRules.Problem(name, command.ContentType, command.Length, head.AsSpan(0, read)) is { } problem)
        {
            return new Refusal("licensing/invalid-file", "文件不符合要求", problem);
        }

        var root = storage.Value.Root;
        Directory.CreateDirectory(root);
        var temporary = Path.Combine(root, $"upload-{Guid.NewGuid():N}.part");
        string sha256;
        long size;
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            hash.AppendData(head, 0, read);
            await file.WriteAsync(head.AsMemory(0, read), cancellationToken);
            var buffer = new byte[81920];
            size = read;
            int n;
            while ((n = await command.Content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += n;
                if (size > MaterialFileRules.MaxBytes)
                {
                    break;
                }

                hash.AppendData(buffer, 0, n);
                await file.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
            }

            sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        if (size > MaterialFileRules.MaxBytes)
        {
            File.Delete(temporary);
            return new Refusal("licensing/invalid-file", "文件不符合要求", $"文件超过 {MaterialFileRules.MaxBytes / 1024 / 1024} MB。");
        }

        // Content-addressed: the same bytes are stored once, whoever uploads them again.
        var storedAs = Path.Combine(sha256[..2], sha256);
        var target = Path.Combine(root, storedAs);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
        {
            File.Delete(temporary);
        }
        else
        {
            File.Move(temporary, target);
        }

        // Stamped with this upload's time, kept or new: the sweep of unused uploads leaves a file stored or reused
        // within its grace period alone, so it does not remove one that this upload's row is about to name.
        File.SetLastWriteTimeUtc(target, time.GetUtcNow().UtcDateTime);

        var upload = new MaterialUpload(uscc, name, MaterialFileRules.Detect(head.AsSpan(0, read))!.Value, size, sha256, storedAs, command.Actor.UserName, time.GetUtcNow().UtcDateTime);
        db.MaterialUploads.Add(upload);
        db.Record(command.Actor, time, "licensing.material-uploaded", nameof(MaterialUpload), upload.Id.ToString(), $"{uscc} 上传材料 {name}（{size} 字节，SHA-256 {sha256[..16]}…）{(command.By.Uscc is null ? "，工作人员代为上传" : string.Empty)}");
        await db.SaveChangesAsync(cancellationToken);
        return upload;
    }
}
