using Zhengzhao.Common;

namespace Zhengzhao.Tests.Common;

public sealed class TextLimitsTests
{
    [Theory]
    [InlineData("拉萨市城关区", TextKind.Line)]
    [InlineData("第一行\n第二行\r\n\t第三行", TextKind.Paragraph)]
    [InlineData("藏文 བོད་ཡིག and 𠀋 (a pair of surrogates)", TextKind.Line)]
    [InlineData("", TextKind.Line)]
    public void A_text_within_its_limit_and_of_printable_characters_is_fit(string text, TextKind kind) =>
        Assert.Null(TextLimits.Problem(text, 50, "名称", kind));

    [Theory]
    [InlineData("长长长长长长", TextKind.Paragraph, "名称不超过5字（现为6字）。")]
    [InlineData("拉萨\0", TextKind.Paragraph, "名称含有空字符（NUL），请删除后重新提交。")]
    [InlineData("第一行\n第二行", TextKind.Line, "名称应为一行文字，不能含换行、制表符等控制字符。")]
    [InlineData("响铃\a", TextKind.Paragraph, "名称含有控制字符，请删除后重新提交。")]
    [InlineData("C1\u0085", TextKind.Paragraph, "名称含有控制字符，请删除后重新提交。")]
    public void A_text_too_long_or_holding_what_no_database_should_is_refused_with_the_reason(string text, TextKind kind, string reason)
    {
        var limit = text.StartsWith('长') ? 5 : 50;

        Assert.Equal(reason, TextLimits.Problem(text, limit, "名称", kind));
    }

    [Fact]
    public void A_bidirectional_control_which_would_show_the_text_in_another_order_than_stored_is_refused_in_a_line_and_a_paragraph()
    {
        (string Text, int At)[] texts = [("西藏\u202E司公限有", 3), ("\u202A嵌入", 1), ("隔离\u2066文字\u2069", 3), ("标记\u200F", 3), ("\u200E标记", 1), ("阿拉伯\u061C", 4)];

        Assert.All(texts, t => Assert.Equal($"名称第 {t.At} 个字符是改变文字方向的控制字符（看不见），请删除后重新提交。", TextLimits.Problem(t.Text, 50, "名称")));
        Assert.All(texts, t => Assert.Equal($"名称第 {t.At} 个字符是改变文字方向的控制字符（看不见），请删除后重新提交。", TextLimits.Problem(t.Text, 50, "名称", TextKind.Paragraph)));
        Assert.Null(TextLimits.Problem("拉萨 བོད་ 零宽\u200B连接\u200D", 50, "名称"));
    }

    [Fact]
    public void A_refused_value_is_shown_back_without_the_invisible_characters_it_was_refused_for()
    {
        Assert.Equal("次仁拉姆", TextLimits.WithoutInvisible("次仁\u202E拉\u0007姆"));
        Assert.Equal("第一行\n第二行", TextLimits.WithoutInvisible("第一行\n第\u2066二行", TextKind.Paragraph));
        Assert.Equal("拉萨 བོད་ 零宽\u200B连接", TextLimits.WithoutInvisible("拉萨 བོད་ 零宽\u200B连接"));
    }

    [Fact]
    public void Half_of_a_surrogate_pair_which_no_database_encoding_holds_is_refused()
    {
        string[] halves = ["半个\uD800字", "\uDC00", "末尾\uD83D"];

        Assert.All(halves, text => Assert.Equal("名称含有无法识别的字符，请重新输入。", TextLimits.Problem(text, 50, "名称")));
    }

    [Fact]
    public void A_form_names_the_field_that_is_empty_too_long_or_unfit_and_keeps_an_empty_optional_text_as_none()
    {
        var errors = new FieldErrors();

        var name = errors.Text("name", "  拉萨  ", 10, "名称");
        var empty = errors.Text("empty", " ", 10, "事由");
        var note = errors.OptionalText("note", "   ", 10, "说明");
        errors.OptionalText("long", new string('长', 11), 10, "备注", TextKind.Paragraph);
        errors.Text("nul", "a\0b", 10, "地址");

        Assert.Equal(("拉萨", null), (name, note));
        Assert.Equal(string.Empty, empty);
        var refusal = errors.Refusal("test/invalid", "有误");
        Assert.Equal(["empty", "long", "nul"], refusal.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("请填写事由，不超过10字；备注不超过10字（现为11字）；地址含有空字符（NUL），请删除后重新提交。", refusal.Detail);
    }
}
