using System.Globalization;
using System.Net;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Web.Tests.Platform;

/// <summary>A platform whose public fair-use limit is three look-ups a minute per address.</summary>
public sealed class PermitLookupLimitFactory : ZhengzhaoFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["PublicPortal:RequestsPerMinute"] = "3" };
}

/// <summary>Permit numbers run in sequence, so looking them up by number shares the public portal's fair-use limit.</summary>
public sealed class PermitLookupLimitTests(PermitLookupLimitFactory factory) : IClassFixture<PermitLookupLimitFactory>
{
    [Fact]
    public async Task Walking_the_permit_numbers_past_the_limit_gets_a_chinese_problem_on_the_api_and_a_chinese_page_on_verify()
    {
        var permit = await SamplePermits.IssuedAsync(factory, SamplePermits.ApplicantCompany);
        using var anyone = factory.Anonymous();

        var allowed = new[]
        {
            await anyone.GetAsync($"/api/v1/permits/{permit.Number}"),
            await anyone.GetAsync($"/Verify?number={permit.Number}"),
            await anyone.GetAsync($"/api/v1/permits/{permit.Number}"),
        };
        var api = await anyone.GetAsync($"/api/v1/permits/{permit.Number}");
        var page = await anyone.GetAsync($"/Verify?number={permit.Number}");

        Assert.All(allowed, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var problem = await api.AssertProblemAsync(429);
        Assert.Equal("/problems/too-many-requests", problem.GetProperty("type").GetString());
        Assert.Equal("查询过于频繁", problem.GetProperty("title").GetString());
        Assert.Contains("请稍后再试", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("查询过于频繁", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.InRange(int.Parse(page.Headers.RetryAfter!.ToString(), CultureInfo.InvariantCulture), 1, 60);
        Assert.NotNull(api.Headers.RetryAfter);
    }
}
