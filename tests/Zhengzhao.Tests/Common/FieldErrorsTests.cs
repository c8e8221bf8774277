using Zhengzhao.Common;

namespace Zhengzhao.Tests.Common;

public sealed class FieldErrorsTests
{
    [Fact]
    public void A_refusal_with_two_field_errors_reads_as_one_sentence_of_clauses_ending_in_one_full_stop()
    {
        var errors = new FieldErrors();
        errors.Text("reason", null, 100, "理由");
        errors.Text("note", new string('长', 11), 10, "备注");

        var detail = errors.Refusal("test/invalid", "有误").Detail;

        Assert.Equal("请填写理由，不超过100字；备注不超过10字（现为11字）。", detail);
        Assert.DoesNotContain("。；", detail, StringComparison.Ordinal);
    }
}
