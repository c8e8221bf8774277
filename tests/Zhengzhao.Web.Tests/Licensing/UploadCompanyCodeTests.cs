using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Tests.Licensing.LicensingApi;

namespace Zhengzhao.Web.Tests.Licensing;

/// <summary>A member of staff who names a company for an upload by a code that is not one is told what is wrong with the code, as at filing.</summary>
public sealed class UploadCompanyCodeTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    [Theory]
    [InlineData(Roles.WindowClerk)]
    [InlineData(Roles.DepartmentAdmin)]
    public async Task A_malformed_company_code_is_400_invalid_uscc_naming_the_field_and_nothing_is_stored(string role)
    {
        var staff = await factory.BearerClientAsync(role);
        var before = await factory.WithDbAsync(db => db.MaterialUploads.CountAsync());
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "材料.pdf");

        var problem = await (await staff.PostAsync("/api/v1/licensing/uploads?uscc=91540172MA6T0RJG5", form)).AssertProblemAsync(400);

        Assert.Equal("/problems/licensing/invalid-uscc", problem.GetProperty("type").GetString());
        Assert.Contains("18", problem.GetProperty("errors").GetProperty("uscc")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.MaterialUploads.CountAsync()));
    }
}
