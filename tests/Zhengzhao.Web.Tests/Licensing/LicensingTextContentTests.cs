using Microsoft.EntityFrameworkCore;
using Zhengzhao.Identity;
using Zhengzhao.Licensing;
using Zhengzhao.Licensing.Appointments;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Tests.Infrastructure.TextLimitChecks;

namespace Zhengzhao.Web.Tests.Licensing;

/// <summary>
/// The texts a permit's change and ending and a service hall take refuse a NUL, a control character and a character
/// that turns the text's direction, as every other text does: a holder's name shown backwards on the public look-up,
/// or a hall's name every applicant reads, must not be stored.
/// </summary>
public sealed class LicensingTextContentTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    [Fact]
    public async Task A_permits_change_cancellation_and_revocation_refuse_unfit_characters_and_the_permit_stays_as_it_was()
    {
        var permit = await SamplePermits.IssuedAsync(factory, SamplePermits.ApplicantCompany);
        var approver = await factory.BearerClientAsync(Roles.Approver);
        var path = $"/api/v1/permits/{permit.Number}";
        var change = new { holderName = "西藏圣光影院", scope = permit.Scope, reason = "持证人更名", revision = 0 };
        var ending = new { reason = "持证人申请注销", revision = 0 };
        Row[] rows =
        [
            WithNul($"{path}/change", change, "holderName"),
            WithBidi($"{path}/change", change, "holderName"),
            WithControl($"{path}/change", change, "holderName"),
            WithNul($"{path}/change", change, "scope"),
            WithBidi($"{path}/change", change, "scope"),
            WithNul($"{path}/change", change, "reason"),
            WithNul($"{path}/cancel", ending, "reason"),
            WithBidi($"{path}/cancel", ending, "reason"),
            WithControl($"{path}/revoke", ending, "reason"),
            WithBidi($"{path}/revoke", ending, "reason"),
        ];

        foreach (var row in rows)
        {
            await factory.AssertRefusedAsync(approver, row);
        }

        var stored = await factory.WithDbAsync(db => db.Permits.SingleAsync(p => p.Number == permit.Number));
        Assert.Equal((permit.HolderName, permit.Scope, PermitStatus.Valid, 0), (stored.HolderName, stored.Scope, stored.Status, stored.Revision));
    }

    [Fact]
    public async Task A_service_halls_name_address_and_opening_hours_refuse_unfit_characters_and_no_hall_is_opened()
    {
        var admin = await factory.BearerClientAsync(Roles.DepartmentAdmin);
        var hall = new { name = "文字检查大厅", regionCode = "540172", address = "拉萨经开区格桑路（测试）", openingHours = "工作日 09:30–18:00" };
        Row[] rows =
        [
            TooLong("/api/v1/appointments/halls", hall, "name", ServiceHall.MaxNameLength),
            WithNul("/api/v1/appointments/halls", hall, "name"),
            WithBidi("/api/v1/appointments/halls", hall, "name"),
            WithControl("/api/v1/appointments/halls", hall, "name"),
            WithNul("/api/v1/appointments/halls", hall, "address"),
            WithBidi("/api/v1/appointments/halls", hall, "address"),
            WithNul("/api/v1/appointments/halls", hall, "openingHours"),
            WithBidi("/api/v1/appointments/halls", hall, "openingHours"),
        ];

        foreach (var row in rows)
        {
            await factory.AssertRefusedAsync(admin, row);
        }

        Assert.False(await factory.WithDbAsync(db => db.ServiceHalls.AnyAsync(h => h.Address == hall.address)));
    }
}
