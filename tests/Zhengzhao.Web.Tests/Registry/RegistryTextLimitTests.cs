using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Registry;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Tests.Infrastructure.TextLimitChecks;

namespace Zhengzhao.Web.Tests.Registry;

/// <summary>Every text a registration system sends has a maximum and no control characters; a field beyond them is refused whole.</summary>
public sealed class RegistryTextLimitTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    [Fact]
    public async Task Every_registration_text_field_refuses_an_over_long_value_or_a_control_character_and_nothing_is_written()
    {
        var code = SampleRegistration.Code("MA6TTL02");
        var registration = SampleRegistration.Json(code, "tl-reg");
        var deregistration = new { eventId = "tl-dereg", uscc = code, deregisteredOn = "2026-11-25", reason = "决议解散" };
        const string Registrations = "/api/v1/registry/registrations";
        const string Deregistrations = "/api/v1/registry/deregistrations";
        Row[] rows =
        [
            TooLong(Registrations, registration, "eventId", TextLimits.Number),
            TooLong(Registrations, registration, "name", TextLimits.Name),
            TooLong(Registrations, registration, "legalRepresentative", TextLimits.PersonName),
            TooLong(Registrations, registration, "address", TextLimits.Address),
            TooLong(Registrations, registration, "registeringAuthority", TextLimits.Name),
            TooLong(Registrations, registration, "businessScope", TextLimits.BusinessScope),
            WithNul(Registrations, registration, "name"),
            WithControl(Registrations, registration, "address"),
            WithNul(Registrations, registration, "businessScope"),
            TooLong(Deregistrations, deregistration, "eventId", TextLimits.Number),
            TooLong(Deregistrations, deregistration, "reason", RecordDeregistration.MaxReasonLength),
            WithNul(Deregistrations, deregistration, "reason"),
        ];
        var registrar = await factory.BearerClientAsync(Roles.Regulator);

        foreach (var row in rows)
        {
            await factory.AssertRefusedAsync(registrar, row);
        }

        Assert.Null(await factory.WithDbAsync(db => db.Enterprises.FindAsync(code).AsTask()));
    }
}
