using Zhengzhao.Credit;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Tests.Infrastructure.TextLimitChecks;

namespace Zhengzhao.Web.Tests.Credit;

/// <summary>Every text the credit endpoints take has a maximum and no control characters; a field beyond them is refused whole.</summary>
public sealed class CreditTextLimitTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    [Fact]
    public async Task Every_credit_text_field_refuses_an_over_long_value_or_a_control_character_and_nothing_is_written()
    {
        var code = SampleRegistration.Code("MA6TTL01");
        var regulator = await factory.BearerClientAsync(Roles.Regulator);
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var listing = $"/api/v1/credit/abnormal-listings/{Guid.NewGuid()}";
        var penalty = new { decisionNumber = "拉市监罚〔2026〕9号", uscc = code, legalBasis = "《食品安全法》第一百二十二条", facts = "未取得许可从事食品经营", measure = "Warning", decidedOn = "2026-11-20" };
        var abnormal = new { uscc = code, cause = "Unreachable", decisionNumber = "拉市监异〔2026〕9号", facts = "通过登记的住所无法联系", listedOn = "2026-11-20" };
        var serious = new { uscc = code, cause = "RepeatedViolations", decisionNumber = "拉市监严〔2026〕9号", facts = "两年内受到三次行政处罚", listedOn = "2026-11-20" };
        var inspection = new { inspectionId = Guid.NewGuid(), uscc = code, checkItem = "食品经营许可事项", outcome = "NoProblem", inspectedOn = "2026-11-20", note = "现场核查" };
        var text = new { text = "已按登记的住所恢复经营" };
        Row[] staffRows =
        [
            TooLong("/api/v1/credit/penalties", penalty, "decisionNumber", Penalty.MaxNumberLength),
            TooLong("/api/v1/credit/penalties", penalty, "legalBasis", Penalty.MaxBasisLength),
            TooLong("/api/v1/credit/penalties", penalty, "facts", Penalty.MaxFactsLength),
            WithNul("/api/v1/credit/penalties", penalty, "facts"),
            WithControl("/api/v1/credit/penalties", penalty, "decisionNumber"),
            TooLong("/api/v1/credit/abnormal-listings", abnormal, "decisionNumber", Penalty.MaxNumberLength),
            TooLong("/api/v1/credit/abnormal-listings", abnormal, "facts", AbnormalListing.MaxTextLength),
            WithNul("/api/v1/credit/abnormal-listings", abnormal, "decisionNumber"),
            TooLong("/api/v1/credit/serious-listings", serious, "decisionNumber", Penalty.MaxNumberLength),
            TooLong("/api/v1/credit/serious-listings", serious, "facts", AbnormalListing.MaxTextLength),
            WithControl("/api/v1/credit/serious-listings", serious, "facts"),
            TooLong($"{listing}/objection", text, "text", AbnormalListing.MaxTextLength),
            TooLong($"{listing}/objection/refuse", text, "text", AbnormalListing.MaxTextLength),
            WithNul($"{listing}/objection/dismiss", text, "text"),
            TooLong($"{listing}/removal", text, "text", AbnormalListing.MaxTextLength, errorKey: "note"),
            TooLong("/api/v1/credit/inspection-results", inspection, "checkItem", RecordInspectionResult.MaxItemLength),
            TooLong("/api/v1/credit/inspection-results", inspection, "note", AbnormalListing.MaxTextLength),
            WithNul("/api/v1/credit/inspection-results", inspection, "note"),
            TooLong($"/api/v1/credit/repairs/{Guid.NewGuid()}/decision", new { approve = false, reasons = "证明材料不足" }, "reasons", CreditRepair.MaxTextLength),
        ];
        Row[] applicantRows =
        [
            TooLong("/api/v1/credit/repairs", new { target = "AbnormalListing", targetId = Guid.NewGuid(), statement = "已补报年度报告", evidence = new[] { Guid.NewGuid() } }, "statement", CreditRepair.MaxTextLength),
        ];

        foreach (var row in staffRows)
        {
            await factory.AssertRefusedAsync(regulator, row);
        }

        foreach (var row in applicantRows)
        {
            await factory.AssertRefusedAsync(applicant, row);
        }
    }
}
