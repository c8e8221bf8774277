using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Coordination.Webhooks;

/// <summary>
/// A department admin keeps the department's webhook endpoint: its address, its secret (made by the platform and
/// returned once, when made), on or off. The secret is never written to the audit trail; the change is.
/// </summary>
public sealed class ManageWebhook(ZhengzhaoDbContext db, IDataProtectionProvider protection, WebhookTargetGuard targets, TimeProvider time) : IUseCase
{
    public sealed record Overview(string DepartmentCode, string DepartmentName, WebhookEndpoint? Endpoint);

    /// <summary>The endpoint after a change; <see cref="NewSecret"/> only when a secret was just made, to be shown once.</summary>
    public sealed record Saved(WebhookEndpoint Endpoint, string? NewSecret);

    /// <summary>Every department that has an endpoint (the administrator's view), or one department's.</summary>
    public async Task<IReadOnlyList<Overview>> ListAsync(string? departmentCode, CancellationToken cancellationToken = default) =>
        await (from d in db.Departments.AsNoTracking()
               join e in db.WebhookEndpoints.AsNoTracking() on d.Code equals e.DepartmentCode into endpoints
               from e in endpoints.DefaultIfEmpty()
               where departmentCode == null ? e != null : d.Code == departmentCode
               orderby d.Code
               select new Overview(d.Code, d.Name, e)).ToListAsync(cancellationToken);

    /// <summary>Sets the address and turns the endpoint on; the first time, makes the secret.</summary>
    public async Task<Result<Saved>> SetUrlAsync(string departmentCode, string? url, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (checkedUrl, reason) = WebhookEndpoint.CheckUrl(url);
        reason ??= targets.SchemeRefusal(checkedUrl!);
        if (checkedUrl is null || reason is not null)
        {
            return CoordinationRefusals.WebhookInvalidUrl(reason!);
        }

        if (await targets.AddressRefusalAsync(checkedUrl, cancellationToken) is { } internalAddress)
        {
            return CoordinationRefusals.WebhookInternalAddress(internalAddress);
        }

        if (!await db.Departments.AnyAsync(d => d.Code == departmentCode, cancellationToken))
        {
            return CoordinationRefusals.AccountWithoutDepartment;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.DepartmentCode == departmentCode, cancellationToken);
        string? secret = null;
        if (endpoint is null)
        {
            secret = WebhookSecret.Generate();
            endpoint = new WebhookEndpoint(departmentCode, checkedUrl, Protect(secret), actor.UserName, now);
            db.WebhookEndpoints.Add(endpoint);
            db.Record(actor, time, "coordination.webhook-set", nameof(WebhookEndpoint), departmentCode, $"设置接收地址 {endpoint.Url}，生成密钥");
        }
        else
        {
            var before = $"{endpoint.Url}（{(endpoint.IsActive ? "启用" : "停用")}）";
            endpoint.Point(checkedUrl, actor.UserName, now);
            db.Record(actor, time, "coordination.webhook-set", nameof(WebhookEndpoint), departmentCode, $"接收地址 {before} → {endpoint.Url}（启用）");
        }

        await db.SaveChangesAsync(cancellationToken);
        return new Saved(endpoint, secret);
    }

    /// <summary>更换密钥: a new secret at once; deliveries from now on are signed with it.</summary>
    public async Task<Result<Saved>> RotateSecretAsync(string departmentCode, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.DepartmentCode == departmentCode, cancellationToken);
        if (endpoint is null)
        {
            return CoordinationRefusals.WebhookNotSet;
        }

        var secret = WebhookSecret.Generate();
        endpoint.Rotate(Protect(secret), actor.UserName, time.GetUtcNow().UtcDateTime);
        db.Record(actor, time, "coordination.webhook-secret-rotated", nameof(WebhookEndpoint), departmentCode, "更换密钥");
        await db.SaveChangesAsync(cancellationToken);
        return new Saved(endpoint, secret);
    }

    /// <summary>停用: no new events are queued; queued ones fail until the endpoint is set again, then may be resent.</summary>
    public async Task<Result<Saved>> DisableAsync(string departmentCode, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.DepartmentCode == departmentCode, cancellationToken);
        if (endpoint is null)
        {
            return CoordinationRefusals.WebhookNotSet;
        }

        if (endpoint.IsActive)
        {
            endpoint.Disable(actor.UserName, time.GetUtcNow().UtcDateTime);
            db.Record(actor, time, "coordination.webhook-disabled", nameof(WebhookEndpoint), departmentCode, $"停用接收地址 {endpoint.Url}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return new Saved(endpoint, null);
    }

    private string Protect(string secret) => protection.CreateProtector(WebhookSecret.Purpose).Protect(secret);

}
