using Zhengzhao.Common;
using Zhengzhao.DataGenerator;
using Zhengzhao.Identity;
using Zhengzhao.ReferenceData;
using Zhengzhao.Registry;

namespace Zhengzhao.Tests.Registry;

public sealed class CompanyGeneratorTests
{
    private static readonly HashSet<string> TibetRegions = [.. ReferenceDataSeeder.ReadRegions().Select(r => r.Code)];

    [Fact]
    public void Every_generated_company_passes_the_import_checks()
    {
        var writer = new StringWriter();
        CompanyGenerator.FromReferenceData(7).WriteCsv(writer, 2_000);

        var rows = Csv.Read(new StringReader(writer.ToString())).ToList();
        var header = CompanySheet.ReadHeader(rows[0].Fields).Header!;
        var problems = rows.Skip(1).SelectMany(r => CompanySheet.Check(r.Number, r.Fields, header, TibetRegions, CompanyGenerator.LatestDate).Problems ?? []).ToList();

        Assert.Equal(2_001, rows.Count);
        Assert.Empty(problems);
    }

    [Fact]
    public void Codes_are_unique_and_issued_for_the_type_and_region()
    {
        var companies = CompanyGenerator.FromReferenceData(7).Generate(5_000).ToList();

        Assert.Equal(companies.Count, companies.Select(c => c.Code.Value).Distinct().Count());
        Assert.All(companies, c =>
        {
            Assert.Equal(c.Facts.RegionCode, c.Code.RegionCode);
            Assert.Equal(c.Facts.Type switch { EnterpriseType.IndividualBusiness => '2', EnterpriseType.Cooperative => '3', _ => '1' }, c.Code.CategoryCode);
            Assert.StartsWith(c.Facts.RegionCode, c.LegalRepresentativeId, StringComparison.Ordinal);
            Assert.NotNull(IdentityNumber.Check(c.LegalRepresentativeId).Number);
        });
    }

    [Fact]
    public void The_mix_is_mostly_companies_and_individual_businesses_with_scopes_in_two_parts()
    {
        var companies = CompanyGenerator.FromReferenceData(7).Generate(5_000).ToList();
        var share = companies.GroupBy(c => c.Facts.Type).ToDictionary(g => g.Key, g => g.Count() / 5_000.0);

        Assert.InRange(share[EnterpriseType.DomesticCompany] + share[EnterpriseType.IndividualBusiness], 0.8, 0.95);
        Assert.InRange(share[EnterpriseType.ForeignInvested], 0.005, 0.05);
        Assert.All(companies, c => Assert.Contains("一般项目：", c.Facts.BusinessScope, StringComparison.Ordinal));
        Assert.Contains(companies, c => c.Facts.BusinessScope.StartsWith("许可项目：", StringComparison.Ordinal));
        Assert.Contains(companies, c => c.Facts.Type == EnterpriseType.IndividualBusiness && c.Facts.Name.EndsWith("便利店", StringComparison.Ordinal));
        Assert.Contains(companies, c => c.Facts.Name.EndsWith("有限公司", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_seed_gives_the_same_companies_and_another_seed_others()
    {
        static string Csv(int seed)
        {
            var writer = new StringWriter();
            CompanyGenerator.FromReferenceData(seed).WriteCsv(writer, 300);
            return writer.ToString();
        }

        Assert.Equal(Csv(11), Csv(11));
        Assert.NotEqual(Csv(11), Csv(12));
    }
}
